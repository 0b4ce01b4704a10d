package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunAlert;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;

/** A run that ends is told to the desktop once, with its counts and pod; the sound follows the lead's setting. */
class RunAlertsWindowTest extends ConsoleWindowTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";

    private SimulatedPersonRecordService service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aRunThatCompletesRaisesOneAlertWithItsCountsPodAndSound(FxRobot robot) throws Exception {
        service = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(10));
        sendReviewedFile(robot);

        waitUntil(() -> text(robot, "#progress-state").equals("Complete"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(alerts.raised).hasSize(1);
        RunAlert alert = alerts.raised.get(0).alert();
        assertThat(alert.kind()).isEqualTo(RunAlert.Kind.COMPLETE);
        assertThat(alert.title()).isEqualTo("Recluster run complete");
        assertThat(alert.text()).isEqualTo("Complete. 10 of 10 records done, on pod " + POD + ".");
        assertThat(alerts.raised.get(0).sound()).isTrue();
        // No record's identifier reaches the desktop.
        assertThat(alert.text()).doesNotContain("X9000");
    }

    @Test
    void withTheSoundTurnedOffAFailedRunIsStillNotifiedButSilently(FxRobot robot) throws Exception {
        CheckMenuItem sound = soundItem();
        assertThat(sound.isSelected()).isTrue();
        robot.interact(() -> sound.setSelected(false));
        assertThat(new SettingsStore(dir.resolve("settings.properties")).get("alerts.sound")).contains("false");
        service = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(20))
                .fault(new SimulatedPersonRecordService.Fault(SimulatedPersonRecordService.FaultKind.DIES_WITH_STACK_TRACE,
                        1, "Recluster", 3));
        sendReviewedFile(robot);

        waitUntil(() -> text(robot, "#progress-state").equals("Run died"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(alerts.raised).hasSize(1);
        assertThat(alerts.raised.get(0).alert().kind()).isEqualTo(RunAlert.Kind.FAILED);
        assertThat(alerts.raised.get(0).alert().text()).startsWith("Run died: the service's run ended with an "
                + "exception. ").endsWith(" of 10 records done, on pod " + POD + ".");
        assertThat(alerts.raised.get(0).sound()).isFalse();
    }

    private CheckMenuItem soundItem() {
        MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "alert-sound".equals(i.getId()))
                .map(CheckMenuItem.class::cast).findFirst().orElseThrow();
    }

    /** Ten records, reviewed offline, sent in batches of 4 to the one pod. */
    private void sendReviewedFile(FxRobot robot) throws Exception {
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                .servicePod(POD).forwardTo(POD, service.port()).podLog(POD, service.logFile());
        sendReviewedInBatches(robot, tenReviewedRecords(), cluster, 1, 4);
    }
}
