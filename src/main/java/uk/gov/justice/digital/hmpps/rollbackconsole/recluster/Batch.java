package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.util.List;
import java.util.Objects;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;

/**
 * One request's worth of records and the exact body that is sent for them, so that what is recorded in a journal
 * before the send and what goes on the wire are the same bytes.
 *
 * @param number      1-based
 * @param firstRecord 0-based index in the file of the batch's first record
 */
public record Batch(int number, long firstRecord, List<RecordKey> records, byte[] body) {

    public Batch {
        if (number < 1) {
            throw new IllegalArgumentException("batches are numbered from 1, not " + number);
        }
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one record");
        }
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public int size() {
        return records.size();
    }

    public int bodyBytes() {
        return body.length;
    }

    // The body is left out: it is long, and a record's id is as much as a log needs.
    @Override
    public String toString() {
        return "Batch[number=" + number + ", firstRecord=" + firstRecord + ", records=" + records.size()
                + ", bodyBytes=" + body.length + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Batch b && b.number == number && b.firstRecord == firstRecord && b.records.equals(records)
                && java.util.Arrays.equals(b.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, firstRecord, records) * 31 + java.util.Arrays.hashCode(body);
    }
}
