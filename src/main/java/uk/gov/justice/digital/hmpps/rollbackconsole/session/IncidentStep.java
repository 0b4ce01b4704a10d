package uk.gov.justice.digital.hmpps.rollbackconsole.session;

/** The runbook's steps as the console walks them; an incident stopped in one of these. */
public enum IncidentStep {
    CONNECT("Connect"),
    DEPLOYMENT_TIME("Deployment time"),
    PREVIEW("Preview"),
    EXPORT("Export"),
    SEND("Send"),
    PROGRESS("Progress"),
    OUTCOME("Outcome");

    private final String title;

    IncidentStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
