package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.util.Objects;

/** kubectl could not do what was asked. The message says what happened and what the user can do about it. */
public final class KubectlException extends Exception {

    public enum Reason {
        NOT_INSTALLED,
        LOGIN_EXPIRED,
        FORBIDDEN,
        NOT_FOUND,
        NO_SUCH_CONTEXT,
        UNREACHABLE,
        TIMED_OUT,
        UNEXPECTED_OUTPUT,
        FAILED
    }

    private final Reason reason;
    private final String kubectlSaid;

    public KubectlException(Reason reason, String message, String kubectlSaid) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.kubectlSaid = kubectlSaid == null ? "" : kubectlSaid;
    }

    public Reason reason() {
        return reason;
    }

    /** kubectl's own error output (never its standard output, which may hold a secret). */
    public String kubectlSaid() {
        return kubectlSaid;
    }
}
