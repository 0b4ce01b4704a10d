package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The files under src/test/resources/review, as real files on disk. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/review/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource /review/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
