package uk.gov.justice.digital.hmpps.rollbackconsole.testing;

import java.io.IOException;
import java.time.Instant;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;

/**
 * Both deployments that can damage clusters, as the cluster keeps them. hmpps-person-record has Helm's records of
 * its last 10 releases (revisions 21 to 30) and the three ReplicaSets the chart keeps (deployment revisions 5 to 7,
 * for Helm's 28 to 30). The bad release is Helm's revision 27, deployed at the seeded BST cutoff: two deploys went
 * out after it before the rollback (revision 30, an earlier good tag, running now), so its ReplicaSet is gone and
 * only Helm remembers it. ReplicaSets that carry the same labels but belong to something else must never be listed.
 */
public final class ReleaseHistoryScenario {

    public static final String RECORD = "hmpps-person-record";
    public static final String MATCH = "hmpps-person-match";
    public static final String RECORD_UID = "0c7f3a52-0000-4000-8000-00000000000a";
    public static final String MATCH_UID = "0c7f3a52-0000-4000-8000-00000000000b";
    public static final String REPOSITORY = "ghcr.io/ministryofjustice/hmpps-person-record:";
    public static final String BAD_TAG = "2025-06-09.5512.bad0bad";
    public static final String BAD_IMAGE = REPOSITORY + BAD_TAG;
    public static final String ROLLBACK_TAG = "2025-05-01.5400.900d900";
    public static final String ROLLBACK_IMAGE = REPOSITORY + ROLLBACK_TAG;
    /** Helm's revision of the bad release. */
    public static final long BAD_REVISION = 27;
    /** When Helm deployed revision 27: exactly {@link TestReplica#CUTOFF_BST}. */
    public static final Instant BAD_RELEASE_CREATED = TestReplica.CUTOFF_BST;
    /** The first deploy after the bad one. */
    public static final Instant AFTER_BAD = Instant.parse("2025-06-09T15:00:00Z");
    public static final Instant ROLLBACK_CREATED = Instant.parse("2025-06-10T08:30:00Z");
    public static final Instant FIRST_INSTALLED = Instant.parse("2023-01-10T10:00:00Z");
    public static final Instant OLDEST_KEPT = Instant.parse("2025-03-03T10:00:00Z");

    private ReleaseHistoryScenario() {
    }

    public static SimulatedCluster write(SimulatedCluster s) throws IOException {
        String[][] older = {
                {"21", "2025-03-03T10:00:00Z", "2025-03-03.4900.aaaa021"},
                {"22", "2025-03-20T11:00:00Z", "2025-03-20.4950.aaaa022"},
                {"23", "2025-04-02T09:30:00Z", "2025-04-02.5010.aaaa023"},
                {"24", "2025-04-15T14:45:00Z", "2025-04-15.5100.aaaa024"},
                {"25", "2025-05-01T10:00:00Z", ROLLBACK_TAG},
                {"26", "2025-05-20T13:00:00Z", "2025-05-20.5450.aaaa026"},
        };
        for (String[] r : older) {
            s.helmRelease(RECORD, Long.parseLong(r[0]), "superseded", FIRST_INSTALLED, Instant.parse(r[1]), r[2]);
        }
        s.helmRelease(RECORD, BAD_REVISION, "superseded", FIRST_INSTALLED, BAD_RELEASE_CREATED, BAD_TAG)
                .helmRelease(RECORD, 28, "superseded", FIRST_INSTALLED, AFTER_BAD, "2025-06-09.5515.aaaa028")
                .helmRelease(RECORD, 29, "superseded", FIRST_INSTALLED, Instant.parse("2025-06-09T16:10:00Z"),
                        "2025-06-09.5520.aaaa029")
                .helmRelease(RECORD, 30, "deployed", FIRST_INSTALLED, ROLLBACK_CREATED, ROLLBACK_TAG);
        s.deployment(RECORD, RECORD_UID, 7, ROLLBACK_IMAGE)
                .replicaSet("hmpps-person-record-5d8f7c9b4", "hmpps-person-record", RECORD, RECORD_UID, 5,
                        REPOSITORY + "2025-06-09.5515.aaaa028", "2025-06-09T15:00:03Z", 0)
                .replicaSet("hmpps-person-record-6b9d8e7f1", "hmpps-person-record", RECORD, RECORD_UID, 6,
                        REPOSITORY + "2025-06-09.5520.aaaa029", "2025-06-09T16:10:02Z", 0)
                .replicaSet("hmpps-person-record-7c1e2d3a4", "hmpps-person-record", RECORD, RECORD_UID, 7,
                        ROLLBACK_IMAGE, ROLLBACK_CREATED.plusSeconds(4).toString(), 2)
                // Same labels, another deployment's: a canary, and a deleted-and-recreated deployment's leftover.
                .replicaSet("hmpps-person-record-canary-55f6d", "hmpps-person-record", "hmpps-person-record-canary",
                        "0c7f3a52-0000-4000-8000-0000000000cc", 1, BAD_IMAGE, "2025-06-09T12:00:00Z", 1)
                .replicaSet("hmpps-person-record-old-44e5c", "hmpps-person-record", RECORD,
                        "0c7f3a52-0000-4000-8000-0000000000dd", 9, BAD_IMAGE, "2024-01-01T00:00:00Z", 0);
        s.helmRelease(MATCH, 11, "superseded", FIRST_INSTALLED, Instant.parse("2025-04-20T14:00:00Z"), "2025-04-20.250.def0def")
                .helmRelease(MATCH, 12, "deployed", FIRST_INSTALLED, Instant.parse("2025-06-02T09:15:00Z"), "2025-06-02.300.abcabc1")
                .deployment(MATCH, MATCH_UID, 3, "ghcr.io/ministryofjustice/hmpps-person-match:2025-06-02.300.abcabc1")
                .replicaSet("hmpps-person-match-77aa88bb9", "hmpps-person-match", MATCH, MATCH_UID, 2,
                        "ghcr.io/ministryofjustice/hmpps-person-match:2025-04-20.250.def0def", "2025-04-20T14:00:05Z", 0)
                .replicaSet("hmpps-person-match-88bb99cc0", "hmpps-person-match", MATCH, MATCH_UID, 3,
                        "ghcr.io/ministryofjustice/hmpps-person-match:2025-06-02.300.abcabc1", "2025-06-02T09:15:04Z", 2);
        return s;
    }
}
