package uk.gov.justice.digital.hmpps.rollbackconsole;

/** Entry point. Kept free of JavaFX so that the command line runs without a display. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("Rollback Console");
    }
}
