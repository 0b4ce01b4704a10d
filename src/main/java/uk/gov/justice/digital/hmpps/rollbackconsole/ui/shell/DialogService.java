package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.nio.file.Path;
import java.util.Optional;

/** Questions the view-models put to the user; behind an interface so that view-models are tested without windows. */
public interface DialogService {

    boolean confirm(String title, String question, String confirmLabel);

    Optional<Path> chooseSaveFile(String title, Path initialFolder, String initialName);

    Optional<Path> chooseOpenFile(String title, Path initialFolder, String description, String... extensions);

    /** Asks for a line of text, such as a name typed to confirm; empty when the user cancels. */
    Optional<String> ask(String title, String question);
}
