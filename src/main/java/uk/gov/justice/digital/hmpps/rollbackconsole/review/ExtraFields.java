package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The fields a records file carries beyond the three the service reads: each name's first place and count, up to
 * a limit of names (the rest counted together), and one problem for each, worded as personal data when the name is
 * one of event_log's personal-data columns.
 */
final class ExtraFields {

    // event_log's personal data columns: a `select *` export carries them, and they must not travel.
    private static final Set<String> PERSONAL_DATA = Set.of("first_name", "middle_names", "last_name",
            "date_of_birth", "first_name_aliases", "last_name_aliases", "date_of_birth_aliases", "postcodes", "cros",
            "pncs");

    private final int maxNames;
    private final Map<String, Tally> byName = new LinkedHashMap<>();
    private Tally others;

    ExtraFields(int maxNames) {
        this.maxNames = maxNames;
    }

    /** Counts field {@code name} in record {@code record}; {@code position} (line, column) is read only when new. */
    void add(String name, long record, Supplier<long[]> position) {
        Tally tally = byName.get(name);
        if (tally == null) {
            if (byName.size() < maxNames) {
                tally = new Tally(position.get(), record);
                byName.put(name, tally);
            } else {
                if (others == null) {
                    others = new Tally(position.get(), record);
                }
                tally = others;
            }
        }
        tally.count++;
    }

    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, Tally> e : byName.entrySet()) {
            String name = e.getKey();
            Tally tally = e.getValue();
            String where = "in " + Text.records(tally.count) + (tally.count > 1 ? " (the first is shown)" : "");
            String text = PERSONAL_DATA.contains(name)
                    ? "field " + Text.quote(name) + " holds personal data, " + where + ": the service ignores it, but"
                    + " the file should hold only person_uuid, source_system and source_system_id"
                    : "extra field " + Text.quote(name) + " " + where + ": the service ignores it";
            problems.add(new Problem(ProblemCode.EXTRA_FIELD, text, tally.line, tally.column, tally.record));
        }
        if (others != null) {
            problems.add(new Problem(ProblemCode.EXTRA_FIELD, "fields with further names, beyond the first "
                    + maxNames + ", " + Text.count(others.count) + " times (the first is shown): the service ignores them",
                    others.line, others.column, others.record));
        }
        return problems;
    }

    /** Where an unknown field name first appeared, and how often it did. */
    private static final class Tally {
        final long line;
        final long column;
        final long record;
        long count;

        Tally(long[] position, long record) {
            this.line = position[0];
            this.column = position[1];
            this.record = record;
        }
    }
}
