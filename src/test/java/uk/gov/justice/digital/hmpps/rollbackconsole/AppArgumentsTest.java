package uk.gov.justice.digital.hmpps.rollbackconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the window makes of its command-line arguments; the commands themselves never reach it. */
class AppArgumentsTest {

    @Test
    void reviewTakesTheNextArgumentAsTheFile() {
        assertThat(App.reviewArgument(List.of("--review", "exports/affected.json")))
                .contains(Path.of("exports/affected.json").toAbsolutePath());
        assertThat(App.reviewArgument(List.of("--review=/tmp/affected records.json")))
                .contains(Path.of("/tmp/affected records.json"));
    }

    @Test
    void withoutReviewOrItsFileTheWindowOpensOnTheRunbook() {
        assertThat(App.reviewArgument(List.of())).isEmpty();
        assertThat(App.reviewArgument(List.of("--review"))).isEmpty();
        assertThat(App.reviewArgument(List.of("--review="))).isEmpty();
        assertThat(App.reviewArgument(List.of("-Dsomething"))).isEmpty();
        assertThat(App.reviewArgument(List.of("one.json", "two.json"))).isEmpty();
    }

    @Test
    void aLoneFileIsReviewedAsAFileManagerOpensIt() {
        // A desktop file association starts the launcher with just the file's path.
        assertThat(App.reviewArgument(List.of("/home/lead/Downloads/affected records.json")))
                .contains(Path.of("/home/lead/Downloads/affected records.json"));
        assertThat(App.reviewArgument(List.of("affected.json")))
                .contains(Path.of("affected.json").toAbsolutePath());
    }
}
