package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import javafx.collections.ListChangeListener;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect.ConnectStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff.CutoffStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.DirectTaskRunner;

/** A preview long enough to stop part-way, and what connecting leaves on disk. */
class LongPreviewTest {

    private static final int ROWS = 12_345;

    @TempDir
    Path dir;
    private final WizardSession session = new WizardSession();
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private SettingsStore settings;

    @BeforeAll
    static void seed() throws SQLException {
        // After every seeded event and before today, so that a window ending at the replica's clock holds them.
        admin("insert into personrecordservice.event_log (source_system_id, source_system, event_type, event_timestamp)"
                + " select 'L' || g, 'LIBRA', 'CPR_RECORD_CREATED', timestamp '2026-07-02 00:00:00' + g * interval '1 millisecond'"
                + " from generate_series(1, " + ROWS + ") g");
    }

    @AfterAll
    static void clean() throws SQLException {
        admin("delete from personrecordservice.event_log where source_system_id like 'L%' and event_timestamp >= '2026-07-01'");
    }

    @BeforeEach
    void open() {
        settings = new SettingsStore(dir.resolve("settings.properties"));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void cancellingAPreviewMidStreamStopsTheQueryAndNothingCanBeExported() throws Exception {
        session.replicaProperty().set(Replica.connect(TestReplica.settings()));
        CutoffStepViewModel cutoff = new CutoffStepViewModel(session, tasks, Clock.fixed(Instant.parse("2026-07-03T00:00:00Z"),
                ZoneOffset.UTC), settings);
        PreviewStepViewModel preview = new PreviewStepViewModel(session, tasks);
        cutoff.zoneProperty().set(ZoneOffset.UTC);
        cutoff.textProperty().set("2026-07-01 00:00:00");
        preview.modeProperty().set(RecordMode.ONE_ROW_PER_EVENT);
        // An invalidation listener, not a change listener: the preview swaps in a new empty list, which equals the
        // old empty one, and a change listener would never hear of it.
        preview.rowsProperty().addListener((javafx.beans.InvalidationListener) obs -> {
            var rows = preview.rowsProperty().get();
            rows.addListener((ListChangeListener<Object>) change -> {
                if (rows.size() >= 1_000) {
                    preview.cancel();
                }
            });
        });

        preview.enter();

        assertThat(preview.stateProperty().get()).isEqualTo(PreviewStepViewModel.State.CANCELLED);
        assertThat(preview.rowsProperty().get().size()).isBetween(1_000, ROWS - 1);
        assertThat(preview.messageProperty().get().kind()).isEqualTo(Message.Kind.WARNING);
        assertThat(preview.messageProperty().get().text()).startsWith("Preview cancelled after ")
                .contains("the query was stopped on the server");
        assertThat(preview.validProperty().get()).isFalse();
        assertThat(session.previewProperty().get()).isNull();

        // The connection went back to the pool in a usable state: the same preview now runs to the end.
        PreviewStepViewModel again = new PreviewStepViewModel(session, tasks);
        again.modeProperty().set(RecordMode.ONE_ROW_PER_EVENT);
        again.start();
        assertThat(again.stateProperty().get()).isEqualTo(PreviewStepViewModel.State.DONE);
        assertThat(again.rowsProperty().get()).hasSize(ROWS);
    }

    @Test
    void connectingRemembersTheSettingsButNeverThePassword() throws Exception {
        ConnectStepViewModel connect = new ConnectStepViewModel(session, tasks, settings);
        var s = TestReplica.settings();
        connect.hostProperty().set(s.host());
        connect.portProperty().set(Integer.toString(s.port()));
        connect.databaseProperty().set(s.database());
        connect.userProperty().set(s.user());
        connect.passwordProperty().set("correct-horse-battery-staple");

        connect.connect();

        assertThat(session.replicaProperty().get()).isNotNull();
        String saved = Files.readString(dir.resolve("settings.properties"));
        assertThat(saved).contains("connect.host=" + s.host()).contains("connect.database=" + s.database())
                .doesNotContain("correct-horse-battery-staple");
        assertThat(new SettingsStore(dir.resolve("settings.properties")).get("connect.port")).contains(Integer.toString(s.port()));
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
