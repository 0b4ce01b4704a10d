package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampedLineTest {

    @Test
    void readsKubectlNanosecondStampsWithTrailingZerosDropped() {
        assertThat(TimestampedLine.parse("2025-03-04T10:15:01.123456789Z hello").timestamp())
                .isEqualTo(Instant.parse("2025-03-04T10:15:01.123456789Z"));
        assertThat(TimestampedLine.parse("2025-03-04T10:15:01.12Z hello").timestamp())
                .isEqualTo(Instant.parse("2025-03-04T10:15:01.120Z"));
        assertThat(TimestampedLine.parse("2025-03-04T10:15:01Z hello"))
                .isEqualTo(new TimestampedLine(Instant.parse("2025-03-04T10:15:01Z"), "hello"));
    }

    @Test
    void keepsTheWholeLineWhenThereIsNoStamp() {
        assertThat(TimestampedLine.parse("\tat a.b.C.d(C.java:1)"))
                .isEqualTo(new TimestampedLine(null, "\tat a.b.C.d(C.java:1)"));
        assertThat(TimestampedLine.parse("2025-03-04 10:15:01.120  INFO 1 --- [main] x : y").timestamp()).isNull();
        assertThat(TimestampedLine.parse("2025-03-04Tnot-a-time-at-all text").timestamp()).isNull();
    }

    @Test
    void keepsTheContainersLineExactlyIncludingLeadingWhitespace() {
        assertThat(TimestampedLine.parse("2025-03-04T10:15:01.5Z \tat x").text()).isEqualTo("\tat x");
        assertThat(TimestampedLine.parse("2025-03-04T10:15:01.5Z ").text()).isEmpty();
    }
}
