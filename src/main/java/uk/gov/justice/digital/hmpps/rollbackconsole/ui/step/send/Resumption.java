package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.util.List;

import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;

/**
 * What {@code ReclusterStepViewModel.continueIncident} prepared: the incident, its file, the batch size its batches
 * were cut with, the batches sent before (never again), and those to send now.
 */
public record Resumption(IncidentState state, ExportResult export, int batchSize, List<Integer> sent,
                         List<Integer> send, int journalKnowsUpTo) {
    public Resumption {
        sent = List.copyOf(sent);
        send = List.copyOf(send);
    }

    /** Whether the file's batch with this number is sent now. */
    public boolean sends(int number) {
        return send.contains(number) || number > journalKnowsUpTo;
    }
}
