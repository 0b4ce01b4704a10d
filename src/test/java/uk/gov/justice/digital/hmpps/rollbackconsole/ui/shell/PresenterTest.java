package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleStringProperty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenterTest {

    @TempDir
    Path dir;

    @Test
    void presenterModeMasksWithTheConnectionValuesAndSaysWhenItChanges() {
        Presenter p = new Presenter(null);
        SimpleStringProperty host = new SimpleStringProperty("replica.example.internal");
        p.maskAlso(() -> List.of(host.get()), host);
        AtomicInteger changes = new AtomicInteger();
        p.maskingProperty().addListener((obs, was, now) -> changes.incrementAndGet());
        assertThat(p.masking().isOn()).isFalse();
        p.onProperty().set(true);
        assertThat(p.masking().isOn()).isTrue();
        assertThat(p.masking().text("host replica.example.internal")).isEqualTo("host rep*****");
        host.set("other.example.internal");
        assertThat(p.masking().text("host other.example.internal")).isEqualTo("host oth*****");
        assertThat(changes.get()).isEqualTo(2);
        assertThat(p.zoomProperty().get()).isEqualTo(Presenter.PRESENTER_ZOOM);
        assertThat(p.fontSizeProperty().get()).isEqualTo(19.5);
    }

    @Test
    void theModeZoomAndContrastAreRememberedAndTheZoomStaysWithin100And200() {
        SettingsStore settings = new SettingsStore(dir.resolve("settings.properties"));
        Presenter p = new Presenter(settings);
        p.onProperty().set(true);
        p.highContrastProperty().set(true);
        for (int i = 0; i < 20; i++) {
            p.zoomIn();
        }
        assertThat(p.zoomProperty().get()).isEqualTo(200);
        Presenter again = new Presenter(new SettingsStore(dir.resolve("settings.properties")));
        assertThat(again.onProperty().get()).isTrue();
        assertThat(again.highContrastProperty().get()).isTrue();
        assertThat(again.zoomProperty().get()).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            again.zoomOut();
        }
        assertThat(again.zoomProperty().get()).isEqualTo(100);
        again.resetZoom();
        assertThat(again.zoomProperty().get()).isEqualTo(150);
    }
}
