package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;

/**
 * Streams synthetic records into a runbook file of any size, holding none of them, so a benchmark can build the
 * million-record export of a bad production deployment. Ids look like each source system's; every 50th record
 * repeats an earlier one (as the one-row-per-event export does), about three records share a cluster and one in
 * ten has no person_uuid. Deterministic: the same count always gives the same bytes.
 */
final class BigFileGenerator {

    private static final SourceSystem[] SYSTEMS = SourceSystem.values();

    private BigFileGenerator() {
    }

    static ExportResult write(Path target, long records) throws ExportException {
        return new RunbookJsonExport().write(target, true, sink -> {
            for (long i = 0; i < records; i++) {
                // Every 50th record repeats the one 49 places back.
                long n = i % 50 == 49 ? i - 49 : i;
                SourceSystem system = SYSTEMS[(int) (n % SYSTEMS.length)];
                UUID cluster = n % 10 == 9 ? null : new UUID(0x5eed_0000_0000_4000L | (n / 3), 0x8000_0000_0000_0000L | (n / 3));
                sink.accept(new AffectedRecord(cluster, system, id(system, n), 1, null));
            }
        });
    }

    private static String id(SourceSystem system, long n) {
        return switch (system) {
            case NOMIS -> String.format(Locale.ROOT, "%c%04d%c%c", 'A' + (int) (n % 26), n % 10_000,
                    'A' + (int) (n / 10_000 % 26), 'A' + (int) (n / 260_000 % 26));
            case DELIUS -> String.format(Locale.ROOT, "%c%06d", 'A' + (int) (n / 1_000_000 % 26), n % 1_000_000);
            case COMMON_PLATFORM -> new UUID(0x6d6f_a987_c680_4f18L ^ n, 0xba58_ec50_7463_a75cL + n).toString();
            case LIBRA -> Long.toString(10_000_000L + n);
        };
    }
}
