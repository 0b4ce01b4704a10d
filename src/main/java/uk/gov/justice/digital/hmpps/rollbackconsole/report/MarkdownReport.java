package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Masking;

import java.util.List;

import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Block;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Bullets;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Chart;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Document;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Paragraph;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Section;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Table;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Warning;

/** The report as GitHub-flavoured Markdown, for the incident ticket or a post-incident review. LF line ends. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(IncidentReport report) {
        return render(report, Masking.NONE);
    }

    /** The report with identifiers masked as {@code masking} says: presenter mode's report. */
    public static String render(IncidentReport report, Masking masking) {
        Document doc = ReportDocument.build(report, masking);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(doc.title())).append("\n\n");
        md.append('_').append(inline(doc.byline())).append("_\n");
        for (Section section : doc.sections()) {
            md.append("\n## ").append(inline(section.title())).append('\n');
            for (Block block : section.blocks()) {
                // The table beside it holds the same figures; the chart is for the HTML form.
                if (!(block instanceof Chart) && !(block instanceof ReportDocument.HoursChart)) {
                    md.append('\n');
                    block(md, block);
                }
            }
        }
        return md.toString();
    }

    private static void block(StringBuilder md, Block block) {
        if (block instanceof Paragraph p) {
            md.append(inline(p.text())).append('\n');
        } else if (block instanceof Warning w) {
            md.append("> **Warning:** ").append(inline(w.text())).append('\n');
        } else if (block instanceof Bullets b) {
            for (String item : b.items()) {
                md.append("- ").append(inline(item)).append('\n');
            }
        } else if (block instanceof Table t) {
            row(md, t.header());
            md.append('|');
            for (int i = 0; i < t.header().size(); i++) {
                md.append(t.numeric().contains(i) ? " ---: |" : " --- |");
            }
            md.append('\n');
            for (List<String> r : t.rows()) {
                row(md, r);
            }
        }
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(inline(cell).replace("|", "\\|")).append(" |");
        }
        md.append('\n');
    }

    /**
     * Text as Markdown shows it literally: characters that would start emphasis, code, links or HTML are escaped.
     * Only free text (decisions, details) can hold them; ids and counts never do.
     */
    static String inline(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : ReportText.oneLine(text).toCharArray()) {
            if ("\\`*_[]<>#".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
