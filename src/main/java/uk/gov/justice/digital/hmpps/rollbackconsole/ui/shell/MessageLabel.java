package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** Shows a {@link Message} in its colour; hidden when there is none. */
public final class MessageLabel extends Label {

    private final boolean masked;
    // The kind's sign, before the text: an error, a warning, success and information tell apart without colour.
    private final Label icon = new Label();

    public MessageLabel(ObservableValue<Message> message) {
        this(message, true);
    }

    /**
     * A message that holds no personal data, only image tags, revisions and the cluster's words, which presenter
     * mode must show as they are: a masked tag cannot be compared with the one on the shared screen's other side.
     */
    public static MessageLabel unmasked(ObservableValue<Message> message) {
        return new MessageLabel(message, false);
    }

    private MessageLabel(ObservableValue<Message> message, boolean masked) {
        this.masked = masked;
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        getStyleClass().add(Styles.MESSAGE);
        icon.getStyleClass().add(Styles.MESSAGE_ICON);
        icon.setMinWidth(USE_PREF_SIZE);
        setGraphic(icon);
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
        setText(masked ? Presenter.maskingFor(this).text(m.text()) : m.text());
        icon.setText(switch (m.kind()) {
            case ERROR -> "\u2716";
            case WARNING -> "\u26a0";
            case OK -> "\u2713";
            case INFO -> "\u2139";
        });
        getStyleClass().add(switch (m.kind()) {
            case ERROR -> Styles.MESSAGE_ERROR;
            case WARNING -> Styles.MESSAGE_WARNING;
            case OK -> Styles.MESSAGE_OK;
            case INFO -> Styles.MESSAGE_INFO;
        });
    }
}
