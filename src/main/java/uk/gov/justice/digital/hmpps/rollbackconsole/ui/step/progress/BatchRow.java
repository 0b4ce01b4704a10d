package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One sent batch as the batches table shows it; changed on the UI thread only. */
public final class BatchRow {

    private final int number;
    private final String firstRecord;
    private final String lastRecord;
    private final int records;
    private final String pod;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "sending");
    private final ReadOnlyStringWrapper http = new ReadOnlyStringWrapper(this, "http", "");
    private final ReadOnlyIntegerWrapper notFound = new ReadOnlyIntegerWrapper(this, "notFound");
    // When it was sent and when the pod logged it complete, by the lead's clock: "14:02:11 – 14:05:09".
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "");
    private String sentAt = "";
    private boolean ended;

    BatchRow(int number, String firstRecord, String lastRecord, int records, String pod) {
        this.pod = pod;
        this.number = number;
        this.firstRecord = firstRecord;
        this.lastRecord = lastRecord;
        this.records = records;
    }

    public int number() {
        return number;
    }

    /** "#1 NOMIS/A1234BC": the record's place in the file, 1-based, and its key. */
    public String firstRecord() {
        return firstRecord;
    }

    public String lastRecord() {
        return lastRecord;
    }

    public int records() {
        return records;
    }

    /** The pod it was sent to. */
    public String pod() {
        return pod;
    }

    /** The pod without the deployment's name, which every pod shares: "5d8f7c9b4-abcde". */
    public String podShort() {
        String deployment = "hmpps-person-record-";
        return pod.startsWith(deployment) ? pod.substring(deployment.length()) : pod;
    }

    void status(String text) {
        status.set(text);
    }

    void http(String text) {
        http.set(text);
    }

    void notFound(int n) {
        notFound.set(n);
    }

    void sentAt(String clockTime) {
        sentAt = clockTime;
        time.set(clockTime + " \u2013");
    }

    void endedAt(String clockTime) {
        ended = true;
        time.set(sentAt + " \u2013 " + clockTime);
    }

    boolean ended() {
        return ended;
    }

    /** "14:02:11 \u2013 14:05:09": sent, and logged complete; the end empty while it runs. */
    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty httpProperty() {
        return http.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty notFoundProperty() {
        return notFound.getReadOnlyProperty();
    }
}
