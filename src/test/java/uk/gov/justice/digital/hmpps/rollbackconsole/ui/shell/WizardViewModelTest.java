package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;

import org.junit.jupiter.api.Test;

class WizardViewModelTest {

    static class FakeStep implements WizardStep {
        final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
        final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
        final String title;
        final List<String> calls;

        FakeStep(String title, List<String> calls) {
            this.title = title;
            this.calls = calls;
        }

        @Override public String title() { return title; }
        @Override public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
        @Override public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
        @Override public Node view() { return null; }
        @Override public void onEnter() { calls.add("enter " + title); }
        @Override public void onLeave() { calls.add("leave " + title); }
    }

    private final List<String> calls = new ArrayList<>();
    private final FakeStep connect = new FakeStep("Connect", calls);
    private final FakeStep cutoff = new FakeStep("Deployment time", calls);
    private final PlannedStep later = new PlannedStep("Outcome");
    private final WizardViewModel wizard = new WizardViewModel(List.of(connect, cutoff, later));

    @Test
    void aResumedIncidentWaitsForTheConnectionThenGoesOnToWhereItStoppedStepByStep() {
        List<String> c = new ArrayList<>();
        FakeStep s1 = new FakeStep("Connect", c);
        FakeStep s2 = new FakeStep("Deployment time", c);
        FakeStep s3 = new FakeStep("Preview", c);
        FakeStep s4 = new FakeStep("Export", c);
        WizardViewModel w = new WizardViewModel(List.of(s1, s2, s3, s4));
        s2.valid.set(true); // the deployment time was restored

        w.resumeAt(3);
        assertThat(w.currentStep()).as("nothing can be entered before connecting").isSameAs(s1);
        assertThat(w.resumeTargetProperty().get()).isEqualTo(3);

        s1.valid.set(true); // connected
        assertThat(w.currentStep()).as("the deployment time is done: on to the preview").isSameAs(s3);
        s3.busy.set(true);
        s3.valid.set(true);
        assertThat(w.currentStep()).as("not while the preview runs").isSameAs(s3);
        s3.busy.set(false);
        assertThat(w.currentStep()).isSameAs(s4);
        assertThat(w.resumeTargetProperty().get()).isEqualTo(-1);
        assertThat(c).containsSubsequence("leave Connect", "enter Preview", "leave Preview", "enter Export")
                .doesNotContain("enter Connect");
    }

    @Test
    void aResumedIncidentLandsOnALaterStepEnterableOnItsOwnAndBackSkipsTheStepsItCannotEnter() {
        List<String> c = new ArrayList<>();
        FakeStep s1 = new FakeStep("Connect", c);
        FakeStep s2 = new FakeStep("Preview", c);
        FakeStep s3 = new FakeStep("Send", c);
        FakeStep s4 = new FakeStep("Progress", c);
        javafx.beans.property.SimpleBooleanProperty runOver = new javafx.beans.property.SimpleBooleanProperty();
        FakeStep s5 = new FakeStep("Outcome", c) {
            @Override
            public javafx.beans.value.ObservableBooleanValue enterableOnItsOwn() {
                return runOver;
            }
        };
        WizardViewModel w = new WizardViewModel(List.of(s1, s2, s3, s4, s5));

        w.resumeAt(4);
        assertThat(w.currentStep()).isSameAs(s1);
        s1.valid.set(true);
        assertThat(w.currentStep()).as("on its way, step by step").isSameAs(s2);
        runOver.set(true); // the preview taken again: the outcome has its window
        assertThat(w.currentStep()).as("straight there, over Send and Progress").isSameAs(s5);
        assertThat(w.resumeTargetProperty().get()).isEqualTo(-1);

        assertThat(w.canGoBackProperty().get()).isTrue();
        w.back();
        assertThat(w.currentStep()).as("Send and Progress cannot be entered: back to the preview").isSameAs(s2);
    }

    @Test
    void movingByHandGivesUpTheResumedTarget() {
        List<String> c = new ArrayList<>();
        FakeStep s1 = new FakeStep("Connect", c);
        FakeStep s2 = new FakeStep("Deployment time", c);
        FakeStep s3 = new FakeStep("Preview", c);
        WizardViewModel w = new WizardViewModel(List.of(s1, s2, s3));
        w.resumeAt(2);
        s1.valid.set(true);
        assertThat(w.currentStep()).isSameAs(s2);
        w.goTo(0);
        s2.valid.set(true);
        assertThat(w.currentStep()).isSameAs(s1);
        assertThat(w.resumeTargetProperty().get()).isEqualTo(-1);
    }

    @Test
    void nextFollowsTheCurrentStepsValidity() {
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        connect.valid.set(true);
        assertThat(wizard.canGoNextProperty().get()).isTrue();
        wizard.next();
        assertThat(wizard.currentStep()).isSameAs(cutoff);
        assertThat(calls).containsExactly("leave Connect", "enter Deployment time");
    }

    @Test
    void aBusyStepHoldsTheUserThere() {
        connect.valid.set(true);
        connect.busy.set(true);
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        assertThat(wizard.goTo(1)).isFalse();
        connect.busy.set(false);
        assertThat(wizard.goTo(1)).isTrue();
        cutoff.busy.set(true);
        assertThat(wizard.canGoBackProperty().get()).isFalse();
    }

    @Test
    void aStepIsReachableOnlyWhenEveryEarlierStepIsValid() {
        assertThat(wizard.goTo(1)).isFalse();
        connect.valid.set(true);
        assertThat(wizard.reachable(1).get()).isTrue();
        connect.valid.set(false);
        assertThat(wizard.reachable(1).get()).isFalse();
    }

    @Test
    void plannedStepsAreNeverEntered() {
        connect.valid.set(true);
        cutoff.valid.set(true);
        wizard.next();
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        assertThat(wizard.goTo(2)).isFalse();
        assertThat(wizard.currentStep()).isSameAs(cutoff);
    }
}
