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
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "sending");
    private final ReadOnlyStringWrapper http = new ReadOnlyStringWrapper(this, "http", "");
    private final ReadOnlyIntegerWrapper notFound = new ReadOnlyIntegerWrapper(this, "notFound");

    BatchRow(int number, String firstRecord, String lastRecord, int records) {
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

    void status(String text) {
        status.set(text);
    }

    void http(String text) {
        http.set(text);
    }

    void notFound(int n) {
        notFound.set(n);
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
