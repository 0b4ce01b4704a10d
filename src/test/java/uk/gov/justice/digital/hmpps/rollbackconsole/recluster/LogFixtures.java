package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.TimestampedLine;

/** Pod logs as {@code kubectl logs --timestamps} prints them, from src/test/resources/recluster. */
final class LogFixtures {
    private LogFixtures() {
    }

    static List<String> raw(String name) {
        try (InputStream in = LogFixtures.class.getResourceAsStream("/recluster/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<TimestampedLine> lines(String name) {
        return raw(name).stream().map(TimestampedLine::parse).toList();
    }
}
