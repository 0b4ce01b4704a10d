package uk.gov.justice.digital.hmpps.rollbackconsole.testing;

import java.io.IOException;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import java.time.Instant;

/**
 * Both deployments that can damage clusters, with histories: hmpps-person-record's revision 6 is the bad release
 * (created at the seeded BST cutoff), revision 7 the rollback running now; one revision scaled to zero long ago;
 * and ReplicaSets that carry the same labels but belong to something else, which must never be listed.
 */
public final class ReleaseHistoryScenario {

    public static final String RECORD = "hmpps-person-record";
    public static final String MATCH = "hmpps-person-match";
    public static final String RECORD_UID = "0c7f3a52-0000-4000-8000-00000000000a";
    public static final String MATCH_UID = "0c7f3a52-0000-4000-8000-00000000000b";
    public static final String BAD_IMAGE = "ghcr.io/ministryofjustice/hmpps-person-record:2025-06-09.5512.bad0bad";
    public static final String ROLLBACK_IMAGE = "ghcr.io/ministryofjustice/hmpps-person-record:2025-05-01.5400.900d900";
    /** When revision 6's ReplicaSet was created: exactly {@link TestReplica#CUTOFF_BST}. */
    public static final Instant BAD_RELEASE_CREATED = TestReplica.CUTOFF_BST;
    public static final Instant ROLLBACK_CREATED = Instant.parse("2025-06-10T08:30:00Z");

    private ReleaseHistoryScenario() {
    }

    public static SimulatedCluster write(SimulatedCluster s) throws IOException {
        s.deployment(RECORD, RECORD_UID, 7, ROLLBACK_IMAGE)
                .replicaSet("hmpps-person-record-5d8f7c9b4", "hmpps-person-record", RECORD, RECORD_UID, 5,
                        "ghcr.io/ministryofjustice/hmpps-person-record:2025-02-11.5101.1111111", "2025-02-11T10:00:00Z", 0)
                .replicaSet("hmpps-person-record-6b9d8e7f1", "hmpps-person-record", RECORD, RECORD_UID, 6,
                        BAD_IMAGE, BAD_RELEASE_CREATED.toString(), 0)
                .replicaSet("hmpps-person-record-7c1e2d3a4", "hmpps-person-record", RECORD, RECORD_UID, 7,
                        ROLLBACK_IMAGE, ROLLBACK_CREATED.toString(), 2)
                // Same labels, another deployment's: a canary, and a deleted-and-recreated deployment's leftover.
                .replicaSet("hmpps-person-record-canary-55f6d", "hmpps-person-record", "hmpps-person-record-canary",
                        "0c7f3a52-0000-4000-8000-0000000000cc", 1, BAD_IMAGE, "2025-06-09T12:00:00Z", 1)
                .replicaSet("hmpps-person-record-old-44e5c", "hmpps-person-record", RECORD,
                        "0c7f3a52-0000-4000-8000-0000000000dd", 9, BAD_IMAGE, "2024-01-01T00:00:00Z", 0)
                .deployment(MATCH, MATCH_UID, 3, "ghcr.io/ministryofjustice/hmpps-person-match:2025-06-02.300.abcabc1")
                .replicaSet("hmpps-person-match-77aa88bb9", "hmpps-person-match", MATCH, MATCH_UID, 2,
                        "ghcr.io/ministryofjustice/hmpps-person-match:2025-04-20.250.def0def", "2025-04-20T14:00:00Z", 0)
                .replicaSet("hmpps-person-match-88bb99cc0", "hmpps-person-match", MATCH, MATCH_UID, 3,
                        "ghcr.io/ministryofjustice/hmpps-person-match:2025-06-02.300.abcabc1", "2025-06-02T09:15:00Z", 2);
        return s;
    }
}
