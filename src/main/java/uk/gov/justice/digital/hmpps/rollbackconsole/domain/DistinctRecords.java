package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds one-row-per-event rows, read in the order they were stored (event_timestamp, then id), into one row per record with exactly the semantics of the
 * runbook's distinct query: the number of events, the latest event time, and the person_uuid of the latest event
 * (of two events at the same instant, the later id). The preview uses it so that rows reach the screen as the
 * events stream in, instead of after the server has aggregated and sorted the whole window.
 */
public final class DistinctRecords {

    /** The distinct query's order: source_system, then source_system_id, both compared as bytes (collate "C"). */
    public static final Comparator<AffectedRecord> RUNBOOK_ORDER = Comparator
            .comparing((AffectedRecord r) -> r.sourceSystem().name(), DistinctRecords::compareCodePoints)
            .thenComparing(AffectedRecord::sourceSystemId, DistinctRecords::compareCodePoints);

    private final Map<RecordKey, AffectedRecord> byKey = new HashMap<>();
    private long events;

    /**
     * Takes the next event (events must come in the order they were stored: event_timestamp, then id). Returns the record when this is its first event, so
     * that the caller can show it at once; later events only update it here.
     */
    public AffectedRecord add(AffectedRecord event) {
        events++;
        RecordKey key = event.key();
        AffectedRecord seen = byKey.get(key);
        if (seen == null) {
            AffectedRecord first = new AffectedRecord(event.personUuid(), event.sourceSystem(), event.sourceSystemId(),
                    1, event.lastEvent());
            byKey.put(key, first);
            return first;
        }
        // In that order a later event at the same instant has the higher id and wins the tie, as "order by event_timestamp desc, id desc".
        boolean latest = !event.lastEvent().isBefore(seen.lastEvent());
        byKey.put(key, new AffectedRecord(latest ? event.personUuid() : seen.personUuid(), seen.sourceSystem(),
                seen.sourceSystemId(), seen.eventCount() + 1, latest ? event.lastEvent() : seen.lastEvent()));
        return null;
    }

    public long events() {
        return events;
    }

    public int records() {
        return byKey.size();
    }

    public List<AffectedRecord> inRunbookOrder() {
        List<AffectedRecord> all = new ArrayList<>(byKey.values());
        all.sort(RUNBOOK_ORDER);
        return all;
    }

    // Code point order is UTF-8 byte order, which is what collate "C" compares; String.compareTo is UTF-16 order.
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
