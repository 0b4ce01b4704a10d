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

    /**
     * Asks the user to pick one of several answers, each a button; empty when the question is closed unanswered.
     * Nothing is chosen by default. This fallback asks each answer but the last in turn as a yes-or-no question.
     */
    default Optional<String> choose(String title, String question, java.util.List<String> answers) {
        for (int i = 0; i < answers.size() - 1; i++) {
            if (confirm(title, question, answers.get(i))) {
                return Optional.of(answers.get(i));
            }
        }
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(answers.size() - 1));
    }
}
