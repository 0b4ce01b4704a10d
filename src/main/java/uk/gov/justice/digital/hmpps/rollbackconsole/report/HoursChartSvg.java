package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.AffectedHours;

/**
 * The affected records over time as inline SVG: one upright bar a bucket (hour, day or week), the busiest one
 * labelled with its number (which gives the scale), the first and last labelled with their time. Readable
 * printed in black and white; no script.
 */
final class HoursChartSvg {

    static final int WIDTH = 640;
    static final int PLOT_HEIGHT = 180;
    static final int LEFT = 8;
    static final int TOP = 46;

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);

    private HoursChartSvg() {
    }

    static String caption(List<AffectedHours.Bucket> buckets) {
        if (buckets.isEmpty()) {
            return "No affected records.";
        }
        String unit = switch (buckets.get(0).unit()) {
            case HOUR -> "hour";
            case DAY -> "day";
            case WEEK -> "week";
        };
        return "Records first affected each " + unit + " (event_log's clock), from " + label(buckets.get(0)) + " to "
                + label(buckets.get(buckets.size() - 1)) + ".";
    }

    static String label(AffectedHours.Bucket b) {
        return b.unit() == AffectedHours.Unit.HOUR ? HOUR.format(b.start()) : DAY.format(b.start());
    }

    static void append(StringBuilder h, List<AffectedHours.Bucket> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        long max = Math.max(1, buckets.stream().mapToLong(AffectedHours.Bucket::records).max().orElse(1));
        int height = TOP + PLOT_HEIGHT + 40;
        double slot = (double) (WIDTH - 2 * LEFT) / buckets.size();
        double bar = Math.max(1, slot * 0.8);
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(HtmlReport.esc(caption(buckets))).append("\">\n");
        h.append("<text x=\"").append(LEFT).append("\" y=\"16\">").append(HtmlReport.esc(caption(buckets)))
                .append("</text>\n");
        int peak = 0;
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i).records() > buckets.get(peak).records()) {
                peak = i;
            }
        }
        int baseline = TOP + PLOT_HEIGHT;
        for (int i = 0; i < buckets.size(); i++) {
            long n = buckets.get(i).records();
            long barHeight = Math.round((double) n * PLOT_HEIGHT / max);
            double x = LEFT + i * slot + (slot - bar) / 2;
            h.append("<rect x=\"").append(String.format(Locale.ROOT, "%.1f", x)).append("\" y=\"")
                    .append(baseline - barHeight).append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", bar))
                    .append("\" height=\"").append(barHeight).append("\" fill=\"").append(i == peak ? "#d4351c" : "#1d70b8")
                    .append("\"><title>").append(HtmlReport.esc(label(buckets.get(i)) + ": " + COUNT.format(n)
                            + " records")).append("</title></rect>\n");
        }
        double peakX = LEFT + peak * slot + slot / 2;
        h.append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", Math.min(WIDTH - 120.0, peakX)))
                .append("\" y=\"").append(TOP - 4).append("\">busiest: ")
                .append(HtmlReport.esc(COUNT.format(buckets.get(peak).records()) + " at " + label(buckets.get(peak))))
                .append("</text>\n");
        h.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(baseline).append("\" x2=\"").append(WIDTH - LEFT)
                .append("\" y2=\"").append(baseline).append("\" stroke=\"#0b0c0c\"/>\n");
        h.append("<text x=\"").append(LEFT).append("\" y=\"").append(baseline + 18).append("\">")
                .append(HtmlReport.esc(label(buckets.get(0)))).append("</text>\n");
        h.append("<text x=\"").append(WIDTH - LEFT).append("\" y=\"").append(baseline + 18)
                .append("\" text-anchor=\"end\">").append(HtmlReport.esc(label(buckets.get(buckets.size() - 1))))
                .append("</text>\n");
        h.append("</svg>\n");
    }
}
