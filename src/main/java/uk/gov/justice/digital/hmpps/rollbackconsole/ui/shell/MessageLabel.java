package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** Shows a {@link Message} in its colour; hidden when there is none. */
public final class MessageLabel extends Label {

    public MessageLabel(ObservableValue<Message> message) {
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        getStyleClass().add(Styles.MESSAGE);
        message.addListener((obs, was, now) -> show(now));
        show(message.getValue());
        // In presenter mode identifiers and connection details in the message are masked.
        Presenter.follow(this, n -> show(message.getValue()));
    }

    private void show(Message m) {
        getStyleClass().removeAll(Styles.MESSAGE_ERROR, Styles.MESSAGE_WARNING, Styles.MESSAGE_OK, Styles.MESSAGE_INFO);
        setVisible(m != null);
        setManaged(m != null);
        if (m == null) {
            setText("");
            return;
        }
        setText(Presenter.maskingFor(this).text(m.text()));
        getStyleClass().add(switch (m.kind()) {
            case ERROR -> Styles.MESSAGE_ERROR;
            case WARNING -> Styles.MESSAGE_WARNING;
            case OK -> Styles.MESSAGE_OK;
            case INFO -> Styles.MESSAGE_INFO;
        });
    }
}
