package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.WrittenFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class OutstandingClustersFilesTest {

    private static OutstandingClusters outstanding;

    @TempDir
    Path folder;

    private final OutstandingClustersFiles files = new OutstandingClustersFiles();

    @BeforeAll
    static void read() throws ConnectFailure, SQLException {
        TestReplica.reseed();
        try (Replica replica = Replica.connect(TestReplica.settings())) {
            outstanding = replica.outstandingClusters(TestReplica.BST_WINDOW).run();
        }
    }

    @Test
    void csvHasOneRowPerOutstandingClusterWithItsCountsAndIds() throws IOException {
        Path target = folder.resolve("outstanding.csv");

        WrittenFile written = files.writeCsv(target, false, outstanding);

        assertThat(Files.readString(target)).isEqualTo(String.join("\r\n",
                "person_uuid,status_reason,records,nomis_records,delius_records,common_platform_records,"
                        + "libra_records,records_without_id,nomis_ids,delius_ids,common_platform_ids,libra_ids",
                "3c3c3c3c-0000-4000-8000-000000000003,BROKEN_CLUSTER,3,1,1,0,1,0,A1013AA,X100005,,1000019",
                "4d4d4d4d-0000-4000-8000-000000000004,OVERRIDE_CONFLICT,2,1,0,1,0,0,A1006AA,,"
                        + "cf000000-0000-4000-8000-000000000014,",
                ""));
        assertThat(written.sha256()).isEqualTo(Sha256.of(target));
    }

    @Test
    void jsonCarriesTheWindowTheBacklogAndEachClustersIdsBySourceSystem() throws IOException {
        Path target = folder.resolve("outstanding.json");

        files.writeJson(target, false, outstanding);

        JsonNode root = new ObjectMapper().readTree(target.toFile());
        assertThat(root.get("cutoff").asText()).isEqualTo("2025-06-09T12:21:55Z");
        assertThat(root.get("as_of").asText()).isEqualTo("2025-12-01T00:00:00Z");
        assertThat(Instant.parse(root.get("taken_at").asText())).isEqualTo(outstanding.takenAt());
        assertThat(root.get("needs_attention_in_replica").asLong()).isEqualTo(2);
        assertThat(root.get("needs_attention_affected").asLong()).isEqualTo(2);
        JsonNode broken = root.get("clusters").get(0);
        assertThat(broken.get("person_uuid").asText()).isEqualTo(TestReplica.CLUSTER_3_BROKEN.toString());
        assertThat(broken.get("status_reason").asText()).isEqualTo("BROKEN_CLUSTER");
        assertThat(broken.get("records").asLong()).isEqualTo(3);
        assertThat(broken.get("records_by_source_system").toString())
                .isEqualTo("{\"NOMIS\":1,\"DELIUS\":1,\"COMMON_PLATFORM\":0,\"LIBRA\":1}");
        assertThat(broken.get("source_system_ids").toString())
                .isEqualTo("{\"NOMIS\":[\"A1013AA\"],\"DELIUS\":[\"X100005\"],\"COMMON_PLATFORM\":[],"
                        + "\"LIBRA\":[\"1000019\"]}");
        assertThat(root.get("clusters").get(1).get("status_reason").asText()).isEqualTo("OVERRIDE_CONFLICT");
        assertThat(Files.readString(target)).endsWith("}\n");
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAsked() throws IOException {
        Path target = folder.resolve("outstanding.csv");
        Files.writeString(target, "kept");

        assertThatThrownBy(() -> files.writeCsv(target, false, outstanding))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(target).hasContent("kept");

        files.writeJson(target, true, outstanding);
        assertThat(Files.readString(target)).startsWith("{");
        try (var listing = Files.list(folder)) {
            assertThat(listing).containsExactly(target);
        }
    }

    @Test
    void neitherFileCarriesAPersonalValue() throws IOException {
        String csv = Files.readString(files.writeCsv(folder.resolve("a.csv"), false, outstanding).path());
        String json = new String(Files.readAllBytes(files.writeJson(folder.resolve("a.json"), false, outstanding)
                .path()), StandardCharsets.UTF_8);

        for (String value : TestReplica.PERSONAL_VALUES) {
            assertThat(csv).doesNotContain(value);
            assertThat(json).doesNotContain(value);
        }
    }

    @Test
    void csvFieldsAreQuotedAsSpreadsheetsNeedAndNeverReadAsFormulas() {
        assertThat(OutstandingClustersFiles.field("A1006AA")).isEqualTo("A1006AA");
        assertThat(OutstandingClustersFiles.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(OutstandingClustersFiles.field("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(OutstandingClustersFiles.field("=1+1")).isEqualTo("\"'=1+1\"");
    }

    @Test
    void defaultNamesSayEnvironmentAndWhenTheListWasTaken() {
        assertThat(OutstandingClustersFiles.defaultFileName(Environment.PROD,
                Instant.parse("2025-06-10T14:02:00.123Z"), "csv"))
                .isEqualTo("outstanding-clusters-prod-2025-06-10T14-02-00Z.csv");
    }
}
