package dev.druidtasks.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.druidtasks.server.TestServer;
import io.dropwizard.testing.ConfigOverride;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API over HTTPS with a self-signed certificate, as the README's TLS section sets it up, with basic security. */
class TlsTest {
  private static final String STORE_PASSWORD = "changeit";
  private static Path keyStore;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("druid-tasks-tls");
    keyStore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "druid-tasks", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD).redirectErrorStream(true).start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    String connector = "server.applicationConnectors[0].";
    server = TestServer.start(dir.resolve("data"),
        ConfigOverride.config(connector + "type", "https"),
        ConfigOverride.config(connector + "keyStorePath", keyStore.toString()),
        ConfigOverride.config(connector + "keyStorePassword", STORE_PASSWORD),
        ConfigOverride.config(connector + "keyStoreType", "PKCS12"),
        ConfigOverride.config("auth.type", "basic"), ConfigOverride.config("auth.adminPassword", "tls-admin"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpClient trusting() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      trust.load(in, STORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static URI https(String path) {
    return URI.create("https://localhost:" + server.base().getPort() + path);
  }

  @Test
  void theApiAnswersOverHttpsWithBasicCredentials() throws Exception {
    HttpResponse<String> r = trusting().send(HttpRequest.newBuilder(https(TestServer.API + "/tasks"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "admin:tls-admin".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).startsWith("[");
    HttpResponse<String> anonymous = trusting().send(HttpRequest.newBuilder(https(TestServer.API + "/tasks")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused() {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(https("/status/health")).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
  }

  @Test
  void plainHttpOnTheTlsPortGetsNoHttpAnswer() {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + server.base().getPort() + "/status/health")).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
  }
}
