package uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

/** The review's test files (src/test/resources/review), copied byte for byte into a test's folder. */
public final class ReviewFixtures {

    private ReviewFixtures() {
    }

    public static Path copy(Path dir, String name) {
        try (InputStream in = ReviewFixtures.class.getResourceAsStream("/review/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /review/" + name);
            }
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A runbook file of one record followed by {@code duplicates} copies of it: as many DUPLICATE_RECORD warnings. */
    public static Path duplicates(Path dir, String name, int duplicates) {
        StringJoiner j = new StringJoiner(",\n", "[\n", "\n]\n");
        for (int i = 0; i <= duplicates; i++) {
            j.add("  { \"person_uuid\" : null, \"source_system\" : \"NOMIS\", \"source_system_id\" : \"A1234BC\" }");
        }
        return write(dir, name, j.toString());
    }
}
