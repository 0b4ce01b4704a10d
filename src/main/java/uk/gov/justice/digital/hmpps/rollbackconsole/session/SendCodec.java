package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The journal's form of a send's record and of what the log settled, beside {@link JournalCodec}. */
final class SendCodec {

    static final String SEND_STARTED = "send_started";
    static final String SETTLED_FROM_LOG = "settled_from_log";

    private SendCodec() {
    }

    static void encode(ObjectNode n, JournalEntry.SendStarted e) {
        n.put("path", e.file().toString());
        n.put("sha256", e.sha256());
        n.put("records", e.records());
        n.put("batch_size", e.batchSize());
        n.put("batches", e.batches());
        n.put("namespace", e.namespace());
        n.put("pod", e.pod());
        n.put("origin", e.origin());
    }

    static JournalEntry.SendStarted decodeSendStarted(JsonNode n) {
        return new JournalEntry.SendStarted(Path.of(JournalCodec.text(n, "path")), JournalCodec.text(n, "sha256"),
                JournalCodec.number(n, "records"), Math.toIntExact(JournalCodec.number(n, "batch_size")),
                Math.toIntExact(JournalCodec.number(n, "batches")), JournalCodec.text(n, "namespace"),
                JournalCodec.text(n, "pod"), JournalCodec.text(n, "origin"));
    }

    static void encode(ObjectNode n, JournalEntry.SettledFromLog e) {
        n.put("batch", e.batchIndex());
        n.put("pod", e.pod());
        n.put("found", e.found());
        n.put("proven_done", e.provenDone());
        n.put("text", e.text());
    }

    static JournalEntry.SettledFromLog decodeSettled(JsonNode n) {
        return new JournalEntry.SettledFromLog(Math.toIntExact(JournalCodec.number(n, "batch")),
                JournalCodec.text(n, "pod"), JournalCodec.text(n, "found"),
                Math.toIntExact(JournalCodec.number(n, "proven_done")), JournalCodec.text(n, "text"));
    }
}
