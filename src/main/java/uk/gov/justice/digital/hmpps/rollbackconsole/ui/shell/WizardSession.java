package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Cutoff;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewSnapshot;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;

/**
 * What the steps of one incident share. Each step writes what it produced and listens to what it depends on, so
 * that changing an earlier answer (another database, another cutoff) clears everything derived from it.
 */
public final class WizardSession {

    private final ObjectProperty<Replica> replica = new SimpleObjectProperty<>(this, "replica");
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment");
    private final StringProperty connectionDetail = new SimpleStringProperty(this, "connectionDetail", "");
    private final ObjectProperty<Cutoff> cutoff = new SimpleObjectProperty<>(this, "cutoff");
    private final ObjectProperty<PreviewSnapshot> preview = new SimpleObjectProperty<>(this, "preview");
    private final ObjectProperty<ExportResult> export = new SimpleObjectProperty<>(this, "export");
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready.");
    // Set once a recluster run has started; never cleared, so that the same records are not sent twice by mistake.
    private final ObjectProperty<ReclusterMonitor> recluster = new SimpleObjectProperty<>(this, "recluster");

    public WizardSession() {
        replica.addListener((obs, was, now) -> {
            preview.set(null);
            if (was != null) {
                was.close();
            }
        });
        cutoff.addListener((obs, was, now) -> preview.set(null));
        preview.addListener((obs, was, now) -> export.set(null));
    }

    public ObjectProperty<Replica> replicaProperty() {
        return replica;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public StringProperty connectionDetailProperty() {
        return connectionDetail;
    }

    public ObjectProperty<Cutoff> cutoffProperty() {
        return cutoff;
    }

    public ObjectProperty<PreviewSnapshot> previewProperty() {
        return preview;
    }

    public ObjectProperty<ExportResult> exportProperty() {
        return export;
    }

    public ObjectProperty<ReclusterMonitor> reclusterProperty() {
        return recluster;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Stops a recluster run between batches and closes the replica pool; called once when the window closes. */
    public void close() {
        ReclusterMonitor run = recluster.get();
        if (run != null) {
            run.close();
        }
        Replica r = replica.get();
        if (r != null) {
            r.close();
        }
    }
}
