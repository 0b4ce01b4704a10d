package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/** What the user reads when connecting goes wrong, and that the window never hangs on it. */
class ConnectErrorsTest extends ConsoleWindowTest {

    @Test
    void aClosedPortSaysNothingIsListeningAndHowToStartTheForward(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        fill(robot, "#host", "127.0.0.1");
        fill(robot, "#port", Integer.toString(closedPort));
        fill(robot, "#database", TestReplica.DATABASE);
        fill(robot, "#user", TestReplica.CONSOLE_USER);
        robot.clickOn("#connect");
        waitUntil(() -> text(robot, "#connect-message").startsWith("Nothing is accepting connections"));
        assertThat(text(robot, "#connect-message")).contains("127.0.0.1:" + closedPort).contains("port-forward");
        assertThat(enabled(robot, "#next")).isFalse();
        assertThat(text(robot, "#environment-banner-label")).isEqualTo("NOT CONNECTED");
        screenshot("10-connect-unreachable");
    }

    @Test
    void aMissingDatabaseIsNamed(FxRobot robot) {
        ConnectionSettings s = TestReplica.settings();
        fill(robot, "#host", s.host());
        fill(robot, "#port", Integer.toString(s.port()));
        fill(robot, "#database", "no_such_database");
        fill(robot, "#user", s.user());
        robot.clickOn("#connect");
        waitUntil(() -> text(robot, "#connect-message").contains("3D000"));
        assertThat(text(robot, "#connect-message")).contains("There is no database no_such_database");
        assertThat(enabled(robot, "#next")).isFalse();
    }

    @Test
    void productionIsNamedInRedAcrossTheTop(FxRobot robot) {
        robot.interact(() -> console.session().environmentProperty().set(
                uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment.PROD));
        // The environment's name, never cut; its namespace beside it, which gives way when zoomed.
        assertThat(text(robot, "#environment-banner-label")).isEqualTo("PRODUCTION");
        assertThat(text(robot, "#environment-banner-target")).isEqualTo("hmpps-person-record-prod");
        assertThat(robot.lookup(".environment-banner").query().getPseudoClassStates())
                .extracting(Object::toString).contains("prod");
        screenshot("11-banner-production");
    }

    @Test
    void throughTheClusterNeedsAContextBeforeItLooksForTheRelayPod(FxRobot robot) {
        robot.interact(() -> robot.lookup("#through-cluster").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true));
        fill(robot, "#cluster-namespace", "hmpps-person-record-preprod");
        robot.clickOn("#cluster-find-relay");
        assertThat(text(robot, "#cluster-message")).isEqualTo("Choose a context and a namespace first: the console never "
                + "uses whatever context is current.");
        assertThat(robot.lookup("#cluster-connect").queryButton().isDisabled()).as("no relay pod chosen").isTrue();
        screenshot("13-connect-through-the-cluster");
    }

    @Test
    void anEmptyFieldIsNamedBeforeAnythingIsTried(FxRobot robot) {
        fill(robot, "#host", "127.0.0.1");
        fill(robot, "#port", "54x2");
        robot.clickOn("#connect");
        assertThat(text(robot, "#connect-message"))
                .isEqualTo("Port \u201c54x2\u201d is not a number: the local end of a port-forward, e.g. 5432.");
    }
}
