package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

/** A sentence for the user and how loudly to say it. */
public record Message(Kind kind, String text) {

    public enum Kind { INFO, OK, WARNING, ERROR }

    public static Message info(String text) {
        return new Message(Kind.INFO, text);
    }

    public static Message ok(String text) {
        return new Message(Kind.OK, text);
    }

    public static Message warning(String text) {
        return new Message(Kind.WARNING, text);
    }

    public static Message error(String text) {
        return new Message(Kind.ERROR, text);
    }
}
