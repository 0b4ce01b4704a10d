package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javafx.scene.control.ComboBox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.RehearsalDatabase;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;

/** The replica's lag as the lead sees it at Connect and in the banner, on a real hot standby whose replay is paused. */
class ReplicaLagWindowTest extends ConsoleWindowTest {

    private static Path folder;
    private static EmbeddedPostgres primary;
    private static EmbeddedPostgres standby;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("replica-lag-window");
        primary = RehearsalDatabase.start(RehearsalDatabase.primaryConfig(), "select");
        standby = RehearsalDatabase.standbyOf(primary, folder.resolve("standby"));
    }

    @AfterAll
    static void stop() throws Exception {
        standby.close();
        primary.close();
    }

    @Override
    protected void configure(SettingsStore settings) {
        settings.put("replica.lagWarningSeconds", "1");
    }

    @Test
    void connectShowsTheLagInTheFactsAndTheBannerAndWarnsPastTheThreshold(FxRobot robot) throws Exception {
        insert("A0000AA");
        waitUntil(() -> replayed("A0000AA"));
        connect(robot);
        waitUntil(() -> text(robot, "#replica-lag").equals("replica up to date"));
        assertThat(robot.lookup("#replica-lag-message").query().isVisible()).isFalse();
        assertThat(console.session().connectionDetailProperty().get()).endsWith("read replica  \u2022  replica up to date");
        screenshot("76-connect-replica-up-to-date");
        // A nearly empty event_log: "about 1 row", never "about 1 rows".
        assertThat(text(robot, "#event-log-size")).startsWith("about ").doesNotEndWith(" 1 rows");

        replay("pause");
        try {
            insert("A0000AB");
            Thread.sleep(2_500);
            robot.clickOn("#disconnect");
            connect(robot);

            waitUntil(() -> text(robot, "#replica-lag").matches("replica \\d+ s behind"));
            assertThat(text(robot, "#replica-lag-message")).contains("That is more than 1 s")
                    .contains("the window ends at its last replayed change");
            assertThat(console.session().connectionDetailProperty().get()).matches(".*replica \\d+ s behind$");
            screenshot("77-connect-replica-behind");
        } finally {
            replay("resume");
        }
    }

    private void connect(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Environment> environment = robot.lookup("#environment").queryAs(ComboBox.class);
        robot.interact(() -> environment.setValue(Environment.LOCAL));
        fill(robot, "#host", "localhost");
        fill(robot, "#port", Integer.toString(standby.getPort()));
        fill(robot, "#database", RehearsalDatabase.DATABASE);
        fill(robot, "#user", RehearsalDatabase.CONSOLE_USER);
        robot.clickOn("#connect");
        waitUntil(() -> text(robot, "#server-version").startsWith("PostgreSQL"));
    }

    private static void insert(String id) throws Exception {
        try (Connection c = RehearsalDatabase.admin(primary).getConnection(); Statement s = c.createStatement()) {
            s.execute("set timezone = 'Europe/London'");
            s.execute("insert into personrecordservice.event_log (source_system_id, source_system, match_id, event_type)"
                    + " values ('" + id + "', 'NOMIS', gen_random_uuid(), 'CPR_RECORD_UPDATED')");
        }
    }

    private static boolean replayed(String id) {
        try (Connection c = RehearsalDatabase.admin(standby).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from personrecordservice.event_log where source_system_id = '"
                     + id + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void replay(String what) throws Exception {
        try (Connection c = standby.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_wal_replay_" + what + "()")) {
            rs.next();
        }
    }
}
