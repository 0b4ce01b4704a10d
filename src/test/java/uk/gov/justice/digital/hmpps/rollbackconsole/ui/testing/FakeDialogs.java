package uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;

/** Answers the console's questions as a test scripts them, and records what was asked. */
public final class FakeDialogs implements DialogService {

    public final List<String> asked = new ArrayList<>();
    public boolean confirmAnswer;
    public Path saveFile;
    public Path openFile;
    /** What the user types when asked for text; null cancels. */
    public String askAnswer;
    /** The answer picked when asked to choose, matched by how it starts; null closes the question unanswered. */
    public String chooseAnswer;

    @Override
    public boolean confirm(String title, String question, String confirmLabel) {
        asked.add(title + ": " + question);
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Path initialFolder, String initialName) {
        asked.add(title);
        return Optional.ofNullable(saveFile);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, Path initialFolder, String description, String... extensions) {
        asked.add(title);
        return Optional.ofNullable(openFile);
    }

    @Override
    public Optional<String> choose(String title, String question, List<String> answers) {
        asked.add(title + ": " + question + " " + answers);
        if (chooseAnswer == null) {
            return Optional.empty();
        }
        return answers.stream().filter(a -> a.startsWith(chooseAnswer)).findFirst();
    }

    @Override
    public Optional<String> ask(String title, String question) {
        asked.add(title + ": " + question);
        return Optional.ofNullable(askAnswer);
    }
}
