package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

class ReclusterBatchesTest {

    @TempDir
    Path folder;

    @Test
    void cutsAFileIntoBatchesOfTheChosenSizeInOrder() throws Exception {
        Path file = file(1201);

        List<Batch> batches = readAll(ReclusterBatches.open(file));

        assertThat(batches).extracting(Batch::size).containsExactly(500, 500, 201);
        assertThat(batches).extracting(Batch::number).containsExactly(1, 2, 3);
        assertThat(batches).extracting(Batch::firstRecord).containsExactly(0L, 500L, 1000L);
        assertThat(batches.get(2).records().get(200)).isEqualTo(new RecordKey(SourceSystem.DELIUS, "X1200"));
        // A full default batch stays a small fraction of the service's 10 MB limit.
        assertThat(batches.get(0).bodyBytes()).isLessThan(64 * 1024);
    }

    @Test
    void writesTheServicesBodyWithoutPersonUuid() throws Exception {
        Path file = Files.writeString(folder.resolve("one.json"), """
                [ {"person_uuid" : "782a5cbe-5a10-4694-a046-0be9e82f0591", "source_system" : "COMMON_PLATFORM",
                   "source_system_id" : "6d6fa987-c680-4f18-ba58-ec507463a75c"},
                  {"source_system" : "NOMIS", "source_system_id" : "A\\"1"} ]
                """);

        Batch batch = readAll(ReclusterBatches.open(file)).get(0);

        assertThat(new String(batch.body(), StandardCharsets.UTF_8)).isEqualTo(
                "[{\"source_system\":\"COMMON_PLATFORM\",\"source_system_id\":\"6d6fa987-c680-4f18-ba58-ec507463a75c\"},"
                        + "{\"source_system\":\"NOMIS\",\"source_system_id\":\"A\\\"1\"}]");
    }

    @Test
    void splitsFurtherWhenABodyWouldPassTheByteLimitAndEveryBodyIsValidJsonUnderIt() throws Exception {
        Path file = file(100);
        int limit = 1000;

        List<Batch> batches = readAll(ReclusterBatches.open(file, 40, limit));

        assertThat(batches).allSatisfy(b -> assertThat(b.bodyBytes()).isLessThanOrEqualTo(limit));
        assertThat(batches).extracting(Batch::size).allSatisfy(n -> assertThat(n).isLessThan(40));
        assertThat(batches.stream().mapToInt(Batch::size).sum()).isEqualTo(100);
        ObjectMapper mapper = new ObjectMapper();
        for (Batch b : batches) {
            JsonNode parsed = mapper.readTree(b.body());
            assertThat(parsed.size()).isEqualTo(b.size());
            assertThat(parsed.get(0).get("source_system_id").asText()).isEqualTo(b.records().get(0).sourceSystemId());
        }
    }

    @Test
    void refusesAnUnknownSourceSystemBeforeAnythingIsSent() throws Exception {
        Path file = Files.writeString(folder.resolve("bad.json"), """
                [ {"source_system" : "NOMIS", "source_system_id" : "A1"},
                  {"source_system" : "Delius", "source_system_id" : "X1"} ]
                """);

        try (ReclusterBatches batches = ReclusterBatches.open(file)) {
            assertThatThrownBy(batches::next).isInstanceOf(InvalidRecordException.class)
                    .hasMessageContaining("record 2 (line 2)").hasMessageContaining("\"Delius\"");
        }
    }

    @Test
    void refusesALimitNearTheServicesCeiling() {
        assertThatThrownBy(() -> ReclusterBatches.open(file(1), 500, 9 * 1024 * 1024))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyFileHasNoBatches() throws Exception {
        Path file = Files.writeString(folder.resolve("empty.json"), "[ ]\n");

        assertThat(readAll(ReclusterBatches.open(file))).isEmpty();
    }

    private Path file(int records) throws Exception {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < records; i++) {
            json.append(i == 0 ? "" : ",\n").append("  {\n    \"person_uuid\" : null,\n    \"source_system\" : \"DELIUS\",\n")
                    .append("    \"source_system_id\" : \"X").append(i).append("\"\n  }");
        }
        return Files.writeString(folder.resolve("records-" + records + ".json"), json.append("\n]\n"));
    }

    private static List<Batch> readAll(ReclusterBatches batches) throws Exception {
        try (batches) {
            List<Batch> all = new ArrayList<>();
            for (Optional<Batch> b = batches.next(); b.isPresent(); b = batches.next()) {
                all.add(b.get());
            }
            return all;
        }
    }
}
