package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Properties;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.ObjectFactory;

class TunnelHostnameVerifierTest {

    private static SSLSession session;

    @BeforeAll
    static void certificateNamingTheRdsHost(@TempDir Path dir) throws Exception {
        // JSSE hands out an X509Certificate[], which pgjdbc relies on
        X509Certificate[] chain = {TestCertificates.createIn(dir).serverX509()};
        session = (SSLSession) Proxy.newProxyInstance(SSLSession.class.getClassLoader(),
                new Class<?>[] {SSLSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getPeerCertificates")) {
                        return chain;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theCertificateIsCheckedAgainstTheGivenNameNotTheTunnelAddress() {
        assertThat(new TunnelHostnameVerifier(TestCertificates.SERVER_NAME).verify("127.0.0.1", session)).isTrue();
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        assertThat(new TunnelHostnameVerifier("prod-replica.example.test").verify("127.0.0.1", session)).isFalse();
    }

    @Test
    void withoutAGivenNameTheDialledHostIsChecked() {
        assertThat(new TunnelHostnameVerifier((String) null).verify("127.0.0.1", session)).isFalse();
        assertThat(new TunnelHostnameVerifier((String) null).verify(TestCertificates.SERVER_NAME, session)).isTrue();
    }

    @Test
    void pgjdbcBuildsItFromTheConnectionProperties() throws Exception {
        Properties connection = new Properties();
        connection.setProperty(TunnelHostnameVerifier.SERVER_NAME_PROPERTY, TestCertificates.SERVER_NAME);

        // the call pgjdbc makes for sslhostnameverifier
        HostnameVerifier verifier = ObjectFactory.instantiate(HostnameVerifier.class,
                TunnelHostnameVerifier.class.getName(), connection, false, null);

        assertThat(verifier.verify("127.0.0.1", session)).isTrue();
    }
}
