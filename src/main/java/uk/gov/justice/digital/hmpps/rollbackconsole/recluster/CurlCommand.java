package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.nio.file.Path;
import java.util.List;

/**
 * The request the console sends, written as the curl command that sends the same: {@code POST /admin/recluster}
 * with the records as the raw JSON body. Not the seed runbook's {@code -F file=@…}, which sends multipart form
 * data that the endpoint refuses.
 */
public final class CurlCommand {

    public static final String PATH = "/admin/recluster";
    public static final String CONTENT_TYPE = "application/json";

    private CurlCommand() {
    }

    /** {@code curl -X POST http://127.0.0.1:PORT/admin/recluster -H 'Content-Type: application/json' --data-binary @FILE} */
    public static List<String> recluster(int localPort, Path body) {
        return List.of("curl", "-X", "POST", "http://127.0.0.1:" + localPort + PATH,
                "-H", "Content-Type: " + CONTENT_TYPE, "--data-binary", "@" + body);
    }
}
