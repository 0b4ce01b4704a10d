package uk.gov.justice.digital.hmpps.rollbackconsole.bench;

import java.util.Locale;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.BulkSeed;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/**
 * The benchmark's seeded replica, left running for profiling one path by hand (psql, the command line, a
 * profiler) until this program's standard input closes. Arguments: total events, affected events.
 */
public final class SeededReplica {
    private SeededReplica() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int affected = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        BulkSeed.seedWide(TestReplica.admin(), total, affected);
        System.out.printf(Locale.UK, "seeded %,d rows, %,d affected: psql -h 127.0.0.1 -p %d -U %s -d %s "
                        + "(cutoff %s); close standard input to stop%n", total, affected, TestReplica.port(),
                TestReplica.CONSOLE_USER, TestReplica.DATABASE, BulkSeed.CUTOFF);
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
    }
}
