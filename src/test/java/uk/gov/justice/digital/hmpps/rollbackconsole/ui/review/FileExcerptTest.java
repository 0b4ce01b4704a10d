package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.review.Problem;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileValidator;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.ReviewFixtures;

class FileExcerptTest {

    @TempDir
    Path dir;

    @Test
    void readsTheLinesAroundAPositionAndPointsAtItsColumn() throws IOException {
        Path file = ReviewFixtures.copy(dir, "runbook-with-person-uuid.json");

        FileExcerpt e = FileExcerpt.read(file, 8, 5, 2, 2, () -> false);

        assertThat(e.lines()).extracting(FileExcerpt.Line::number).containsExactly(6L, 7L, 8L, 9L, 10L);
        FileExcerpt.Line marked = e.lines().get(2);
        assertThat(marked.atPosition()).isTrue();
        assertThat(marked.text()).isEqualTo("    \"person_uuid\" : \"782a5cbe-5a10-4694-a046-0be9e82f0591\",");
        assertThat(marked.text().substring(marked.caret())).startsWith("\"person_uuid\"");
        assertThat(e.lines()).filteredOn(l -> l != marked).allMatch(l -> !l.atPosition());
    }

    @Test
    void pointsWhereTheReviewSaysEachProblemIs() throws IOException {
        Path file = ReviewFixtures.copy(dir, "unknown-source-system.json");
        Problem delius = new RecordsFileValidator().validate(file).problems().get(0);

        FileExcerpt e = FileExcerpt.read(file, delius.line(), delius.column(), 4, 4, () -> false);

        FileExcerpt.Line marked = e.lines().stream().filter(FileExcerpt.Line::atPosition).findFirst().orElseThrow();
        assertThat(marked.number()).isEqualTo(2);
        assertThat(marked.text().substring(marked.caret())).startsWith("\"Delius\"");
        // The file has five lines; lines before the first do not exist.
        assertThat(e.lines()).extracting(FileExcerpt.Line::number).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void countsLinesAsTheReviewDoesWhateverTheLineEndings() throws IOException {
        Path file = Files.write(dir.resolve("mixed.json"), "\uFEFFone\r\ntwo\rthree\nfour".getBytes(StandardCharsets.UTF_8));

        FileExcerpt e = FileExcerpt.read(file, 3, 2, 5, 5, () -> false);

        assertThat(e.lines()).extracting(FileExcerpt.Line::text).containsExactly("one", "two", "three", "four");
        assertThat(e.lines().get(2).caret()).isEqualTo(1);
    }

    @Test
    void expandsTabsAndKeepsTheCaretOnTheRightCharacter() throws IOException {
        Path file = ReviewFixtures.copy(dir, "dbeaver.json");

        // Line 5 is two tabs, then "source_system" : "COMMON_PLATFORM",; column 21 is the value's opening quote.
        FileExcerpt e = FileExcerpt.read(file, 5, 21, 0, 0, () -> false);

        FileExcerpt.Line line = e.lines().get(0);
        assertThat(line.text()).startsWith("        \"source_system\"");
        assertThat(line.text().substring(line.caret())).startsWith("\"COMMON_PLATFORM\"");
    }

    @Test
    void countsACharacterOutsideTheBasicPlaneAsOneColumn() throws IOException {
        Path file = ReviewFixtures.copy(dir, "non-ascii-column.json");
        Problem delius = new RecordsFileValidator().validate(file).problems().stream()
                .filter(p -> p.message().contains("Delius")).findFirst().orElseThrow();

        FileExcerpt e = FileExcerpt.read(file, delius.line(), delius.column(), 0, 0, () -> false);

        FileExcerpt.Line line = e.lines().get(0);
        assertThat(line.text()).contains("caf\u00e9 \u2615 \uD83D\uDE42");
        assertThat(line.text().substring(line.caret())).startsWith("\"Delius\"");
    }

    @Test
    void keepsOnlyAWindowOfAVeryLongLineAroundThePosition() throws IOException {
        StringBuilder oneLine = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            oneLine.append("{\"source_system\":\"NOMIS\",\"source_system_id\":\"A").append(i).append("\"},");
        }
        oneLine.append("{\"source_system\":\"PRISON\",\"source_system_id\":\"Z1\"}]");
        Path file = Files.writeString(dir.resolve("minified.json"), oneLine);
        Problem prison = new RecordsFileValidator().validate(file).problems().get(0);
        assertThat(prison.line()).isEqualTo(1);

        FileExcerpt e = FileExcerpt.read(file, prison.line(), prison.column(), 4, 4, () -> false);

        FileExcerpt.Line line = e.lines().get(0);
        assertThat(e.lines()).hasSize(1);
        assertThat(line.text()).startsWith("\u2026").hasSizeLessThanOrEqualTo(FileExcerpt.WIDTH + 2);
        assertThat(line.text().substring(line.caret())).startsWith("\"PRISON\"");
    }

    @Test
    void showsTheEmptyLineAfterALastLineBreakOnlyWhenThePositionIsOnIt() throws IOException {
        Path file = Files.writeString(dir.resolve("cut.json"), "[\n  {\n");

        assertThat(FileExcerpt.read(file, 2, 1, 4, 4, () -> false).lines())
                .extracting(FileExcerpt.Line::number).containsExactly(1L, 2L);
        FileExcerpt atEnd = FileExcerpt.read(file, 3, 1, 4, 4, () -> false);
        assertThat(atEnd.lines()).extracting(FileExcerpt.Line::number).containsExactly(1L, 2L, 3L);
        assertThat(atEnd.lines().get(2).atPosition()).isTrue();
        assertThat(atEnd.lines().get(2).caret()).isZero();
    }

    @Test
    void showsUndecodableBytesAndControlCharactersAsReplacementCharacters() throws IOException {
        Path file = ReviewFixtures.copy(dir, "latin1.json");

        FileExcerpt e = FileExcerpt.read(file, 2, 1, 0, 0, () -> false);

        assertThat(e.lines().get(0).text()).contains("\"Jos\uFFFD\"");
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        Path file = ReviewFixtures.duplicates(dir, "many.json", 2_000);

        assertThatThrownBy(() -> FileExcerpt.read(file, 1_900, 1, 4, 4, () -> true))
                .isInstanceOf(CancellationException.class);
    }
}
