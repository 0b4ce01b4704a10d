package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.util.Objects;

/** The service's {@code GET /health}, as far as the console cares: UP, or why not. */
public record Health(Status status, String detail) {

    public enum Status {
        UP,
        /** It answered, but not UP. */
        DOWN,
        /** No answer at all. */
        UNREACHABLE
    }

    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
