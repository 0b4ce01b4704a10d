package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

class ConnectionSettingsTest {

    private static final ConnectionSettings THROUGH_TUNNEL = new ConnectionSettings("127.0.0.1", 15432, "db1234",
            "reader", "s3cret-Pa55word".toCharArray(), Environment.PROD, SslMode.VERIFY_FULL,
            Path.of("/home/lead/global-bundle.pem"), "replica.abc.eu-west-2.rds.amazonaws.com");

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(THROUGH_TUNNEL.toString())
                .doesNotContain("s3cret-Pa55word")
                .contains("reader@127.0.0.1:15432/db1234")
                .contains("verify-full")
                .contains("replica.abc.eu-west-2.rds.amazonaws.com")
                .contains("password=given");
        assertThat(THROUGH_TUNNEL.withPassword(null).toString()).contains("password=from .pgpass");
    }

    @Test
    void settingsWithTheSamePasswordCharactersAreEqual() {
        assertThat(THROUGH_TUNNEL.withPassword("s3cret-Pa55word".toCharArray())).isEqualTo(THROUGH_TUNNEL)
                .hasSameHashCodeAs(THROUGH_TUNNEL);
        assertThat(THROUGH_TUNNEL.withPassword("other".toCharArray())).isNotEqualTo(THROUGH_TUNNEL);
    }

    @Test
    void anIpv6HostIsBracketedInTheEndpoint() {
        assertThat(THROUGH_TUNNEL.withTls(SslMode.PREFER, null, null).endpoint()).isEqualTo("127.0.0.1:15432");
        assertThat(new ConnectionSettings("::1", 5432, "d", "u", null, Environment.LOCAL, SslMode.PREFER, null, null)
                .endpoint()).isEqualTo("[::1]:5432");
    }

    @Test
    void incompleteSettingsAreRejected() {
        assertThatThrownBy(() -> new ConnectionSettings(" ", 5432, "d", "u", null, Environment.DEV,
                SslMode.PREFER, null, null)).hasMessageContaining("host");
        assertThatThrownBy(() -> new ConnectionSettings("h", 0, "d", "u", null, Environment.DEV,
                SslMode.PREFER, null, null)).hasMessageContaining("port");
        assertThatThrownBy(() -> new ConnectionSettings("h", 5432, "d", "", null, Environment.DEV,
                SslMode.PREFER, null, null)).hasMessageContaining("user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void loopbackHostsDefaultToPrefer(String host) {
        assertThat(SslMode.defaultFor(host)).isEqualTo(SslMode.PREFER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud-platform-abc.cdwm328dlye6.eu-west-2.rds.amazonaws.com", "10.0.0.5",
        "128.0.0.1", "localhost.example.com", "127.0.0.1.nip.io"})
    void otherHostsDefaultToVerifyFull(String host) {
        assertThat(SslMode.defaultFor(host)).isEqualTo(SslMode.VERIFY_FULL);
    }

    @ParameterizedTest
    @CsvSource({"DISABLE,disable", "PREFER,prefer", "REQUIRE,require", "VERIFY_CA,verify-ca",
        "VERIFY_FULL,verify-full"})
    void sslModesUseLibpqSpelling(SslMode mode, String pgValue) {
        assertThat(mode.pgValue()).isEqualTo(pgValue);
        assertThat(SslMode.fromPgValue(pgValue)).isEqualTo(mode);
    }
}
