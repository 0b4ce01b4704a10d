package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

/** The journal's form of the outcome entries, beside {@link JournalCodec}: snake_case fields, counts only. */
final class OutcomeCodec {

    static final String CHANGES = "changes";
    static final String PATHS = "paths";

    private OutcomeCodec() {
    }

    static void encode(ObjectNode n, JournalEntry.ChangesTaken e) {
        JournalCodec.window(n, e.window());
        n.put("file_sha256", e.fileSha256());
        n.put("taken_at", e.takenAt().toString());
        ClusterChangeCounts c = e.counts();
        n.put("records", c.records());
        n.put("not_found", c.notFound());
        n.put("without_earlier_cluster", c.withoutEarlier());
        n.put("unchanged", c.unchanged());
        n.put("moved", c.moved());
        ObjectNode by = n.putObject("moved_by_source_system");
        c.movedBySourceSystem().forEach((s, v) -> by.put(s.name(), v));
        n.put("in_no_cluster", c.inNoCluster());
        n.put("earlier_clusters", c.earlierClusters());
        n.put("clusters_now", c.clustersNow());
        n.put("merged", c.merged());
        n.put("split", c.split());
        n.put("emptied", c.emptied());
        n.put("needs_attention_now", c.needsAttentionNow());
    }

    static JournalEntry.ChangesTaken decodeChanges(JsonNode n) {
        Map<SourceSystem, Long> by = new EnumMap<>(SourceSystem.class);
        for (Map.Entry<String, JsonNode> f : JournalCodec.field(n, "moved_by_source_system").properties()) {
            by.put(SourceSystem.valueOf(f.getKey()), f.getValue().asLong());
        }
        ClusterChangeCounts c = new ClusterChangeCounts(number(n, "records"), number(n, "not_found"),
                number(n, "without_earlier_cluster"), number(n, "unchanged"), number(n, "moved"), by,
                number(n, "in_no_cluster"), number(n, "earlier_clusters"), number(n, "clusters_now"),
                number(n, "merged"), number(n, "split"), number(n, "emptied"), number(n, "needs_attention_now"));
        return new JournalEntry.ChangesTaken(JournalCodec.window(n), JournalCodec.text(n, "file_sha256"),
                Instant.parse(JournalCodec.text(n, "taken_at")), c);
    }

    static void encode(ObjectNode n, JournalEntry.PathsTaken e) {
        n.put("taken_at", e.takenAt().toString());
        n.put("clusters", e.clusters());
        n.put("person_must_act", e.personMustAct());
        n.put("person_should_look", e.personShouldLook());
        n.put("may_heal", e.mayHeal());
        n.put("in_review_queue", e.inReviewQueue());
    }

    static JournalEntry.PathsTaken decodePaths(JsonNode n) {
        return new JournalEntry.PathsTaken(Instant.parse(JournalCodec.text(n, "taken_at")), number(n, "clusters"),
                number(n, "person_must_act"), number(n, "person_should_look"), number(n, "may_heal"),
                number(n, "in_review_queue"));
    }

    private static long number(JsonNode n, String name) {
        return JournalCodec.number(n, name);
    }
}
