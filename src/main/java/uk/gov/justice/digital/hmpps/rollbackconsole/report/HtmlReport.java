package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Masking;

import java.util.List;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Block;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Bullets;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Chart;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Document;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Paragraph;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Section;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Table;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Warning;

/**
 * The report as one self-contained HTML file: inline CSS, the chart as inline SVG, no script and nothing fetched,
 * so it opens the same from an email, a ticket or a laptop with no network. LF line ends.
 */
public final class HtmlReport {

    static final int CHART_WIDTH = 640;
    static final int LABEL_WIDTH = 170;
    static final int BAR_SPACE = 380;
    static final int ROW_HEIGHT = 44;

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #0b0c0c;
                   margin: 2em auto; max-width: 72em; padding: 0 1em; line-height: 1.4; }
            h1 { font-size: 1.6em; border-bottom: 4px solid #1d70b8; padding-bottom: .3em; }
            h2 { font-size: 1.25em; margin-top: 1.6em; }
            .byline { color: #505a5f; font-style: italic; }
            table { border-collapse: collapse; margin: .5em 0; }
            th, td { border: 1px solid #b1b4b6; padding: .25em .6em; text-align: left; vertical-align: top; }
            th { background: #f3f2f1; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
            td { overflow-wrap: anywhere; }
            .warning { border-left: 6px solid #d4351c; background: #fbe9e7; padding: .5em 1em; margin: .5em 0; }
            svg text { font-family: inherit; font-size: 12px; fill: #0b0c0c; }
            @media print { body { margin: 0; max-width: none; } }
            """;

    private HtmlReport() {
    }

    public static String render(IncidentReport report) {
        return render(report, Masking.NONE);
    }

    /** The report with identifiers masked as {@code masking} says: presenter mode's report. */
    public static String render(IncidentReport report, Masking masking) {
        Document doc = ReportDocument.build(report, masking);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>").append(esc(doc.title())).append("</title>\n");
        h.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(doc.title())).append("</h1>\n");
        h.append("<p class=\"byline\">").append(esc(doc.byline())).append("</p>\n");
        for (Section section : doc.sections()) {
            h.append("<section>\n<h2>").append(esc(section.title())).append("</h2>\n");
            for (Block block : section.blocks()) {
                block(h, block);
            }
            h.append("</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void block(StringBuilder h, Block block) {
        if (block instanceof Paragraph p) {
            h.append("<p>").append(esc(p.text())).append("</p>\n");
        } else if (block instanceof Warning w) {
            h.append("<p class=\"warning\"><strong>Warning:</strong> ").append(esc(w.text())).append("</p>\n");
        } else if (block instanceof Bullets b) {
            h.append("<ul>\n");
            for (String item : b.items()) {
                h.append("<li>").append(esc(item)).append("</li>\n");
            }
            h.append("</ul>\n");
        } else if (block instanceof Table t) {
            table(h, t);
        } else if (block instanceof Chart c) {
            chart(h, c.comparison());
        } else if (block instanceof ReportDocument.HoursChart c) {
            HoursChartSvg.append(h, c.buckets());
        }
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<table>\n");
        if (t.header().stream().anyMatch(s -> !s.isEmpty())) {
            h.append("<thead><tr>");
            for (int i = 0; i < t.header().size(); i++) {
                h.append(t.numeric().contains(i) ? "<th class=\"n\">" : "<th>").append(esc(t.header().get(i)))
                        .append("</th>");
            }
            h.append("</tr></thead>\n");
        }
        h.append("<tbody>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                boolean key = t.header().stream().allMatch(String::isEmpty) && i == 0;
                String tag = key ? "th" : "td";
                h.append('<').append(tag).append(t.numeric().contains(i) ? " class=\"n\">" : ">")
                        .append(esc(row.get(i))).append("</").append(tag).append('>');
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** Two bars a status, before in grey and after in blue, to one scale; the numbers are written beside them. */
    private static void chart(StringBuilder h, StatisticsComparison c) {
        long max = 1;
        for (StatisticsComparison.Row row : c.rows()) {
            max = Math.max(max, Math.max(row.before(), row.after()));
        }
        int height = 30 + ROW_HEIGHT * c.rows().size();
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"Clusters by status, before and after the recluster\">\n");
        h.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"4\" width=\"12\" height=\"12\" fill=\"#b1b4b6\"/>")
                .append("<text x=\"").append(LABEL_WIDTH + 18).append("\" y=\"14\">before</text>\n");
        h.append("<rect x=\"").append(LABEL_WIDTH + 80).append("\" y=\"4\" width=\"12\" height=\"12\" fill=\"#1d70b8\"/>")
                .append("<text x=\"").append(LABEL_WIDTH + 98).append("\" y=\"14\">after</text>\n");
        int y = 30;
        for (StatisticsComparison.Row row : c.rows()) {
            h.append("<text x=\"0\" y=\"").append(y + 21).append("\">").append(esc(row.status())).append("</text>\n");
            bar(h, y, row.before(), max, "#b1b4b6");
            bar(h, y + 18, row.after(), max, "#1d70b8");
            y += ROW_HEIGHT;
        }
        h.append("</svg>\n");
    }

    private static void bar(StringBuilder h, int y, long value, long max, String colour) {
        long width = Math.round((double) value * BAR_SPACE / max);
        h.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"").append(width)
                .append("\" height=\"16\" fill=\"").append(colour).append("\"/>");
        h.append("<text x=\"").append(LABEL_WIDTH + width + 6).append("\" y=\"").append(y + 13).append("\">")
                .append(value).append("</text>\n");
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
