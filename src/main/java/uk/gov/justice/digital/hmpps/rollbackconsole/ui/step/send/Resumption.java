package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.util.List;

import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;

/**
 * What {@code ReclusterStepViewModel.continueIncident} prepared: the incident, its file, the batch size its batches
 * were cut with, the batches sent before (never again whole), those to send now, the batches whose run ended part
 * way (the records their log does not prove done are sent first), and the batches the pod's log must settle before
 * anything is sent.
 */
public record Resumption(IncidentState state, ExportResult export, int batchSize, List<Integer> sent,
                         List<Integer> send, int journalKnowsUpTo, List<Integer> rests, List<Integer> toSettle) {
    public Resumption {
        sent = List.copyOf(sent);
        send = List.copyOf(send);
        rests = List.copyOf(rests);
        toSettle = List.copyOf(toSettle);
    }

    public Resumption(IncidentState state, ExportResult export, int batchSize, List<Integer> sent, List<Integer> send,
                      int journalKnowsUpTo) {
        this(state, export, batchSize, sent, send, journalKnowsUpTo, List.of(), List.of());
    }

    /** Whether the file's batch with this number is sent now. */
    public boolean sends(int number) {
        return send.contains(number) || number > journalKnowsUpTo;
    }
}
