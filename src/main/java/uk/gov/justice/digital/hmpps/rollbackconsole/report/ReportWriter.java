package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Masking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

import uk.gov.justice.digital.hmpps.rollbackconsole.records.AtomicFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.WrittenFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;

/** Writes the report's Markdown and HTML into a folder, each whole or not at all. */
public final class ReportWriter {

    public static final String MARKDOWN_NAME = "incident-report.md";
    public static final String HTML_NAME = "incident-report.html";

    public record Written(WrittenFile markdown, WrittenFile html) {
    }

    private ReportWriter() {
    }

    /** @param replace whether an earlier report in the folder is replaced; otherwise it is left and this fails */
    public static Written write(Path folder, IncidentReport report, boolean replace) throws IOException {
        return write(folder, report, replace, Masking.NONE);
    }

    /** As {@link #write(Path, IncidentReport, boolean)}, with identifiers masked as {@code masking} says. */
    public static Written write(Path folder, IncidentReport report, boolean replace, Masking masking) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(masking, "masking");
        WrittenFile md = AtomicFile.write(folder.resolve(MARKDOWN_NAME), replace,
                out -> out.write(MarkdownReport.render(report, masking).getBytes(StandardCharsets.UTF_8)));
        WrittenFile html = AtomicFile.write(folder.resolve(HTML_NAME), replace,
                out -> out.write(HtmlReport.render(report, masking).getBytes(StandardCharsets.UTF_8)));
        return new Written(md, html);
    }

    /** Writes the report into the incident's own folder and journals both files with their digests. */
    public static Written write(IncidentJournal journal, IncidentReport report, boolean replace) throws IOException {
        Written written = write(journal.folder(), report, replace);
        journal.append(new JournalEntry.ReportWritten(written.markdown().path(), written.markdown().sha256()));
        journal.append(new JournalEntry.ReportWritten(written.html().path(), written.html().sha256()));
        return written;
    }
}
