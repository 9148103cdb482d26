package org.suifang.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.Json;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * Compression on the wire (sync-design.md D3): the server inflates {@code Content-Encoding: gzip}
 * request bodies (within the request size limit) and compresses responses for {@code
 * Accept-Encoding: gzip}. Uses the JDK's HTTP client, which does neither by itself, so the test
 * sees the bytes as they travel.
 */
@MicronautTest(transactional = false)
class TransportTest {

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject EmbeddedServer server;

  @Inject JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();
  private TestArea area;
  private String token;

  @BeforeEach
  void seed() {
    area = auth.seedArea();
    token = auth.login("doc1");
  }

  private HttpRequest.Builder sync() {
    return HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/sync"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  @Test
  void push_gzipRequestBody_isInflatedAndApplied() throws Exception {
    TestDevice tablet = new TestDevice(api, "doc1", area.userId("doc1"));
    tablet.register();
    String patientId =
        (String)
            api.post("doc1", "/api/v1/patients", PatientSamples.hypertensive(VILLAGE_1)).at("id");
    Map<String, Object> body = tablet.request(List.of(tablet.note(patientId, "zipped")));

    HttpResponse<String> r =
        http.send(
            sync()
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(json.writeValueAsBytes(body))))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Map<String, Object> answer =
        json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
    assertThat(Json.at(answer, "results.0.status")).isEqualTo("APPLIED");
    assertThat((String) api.get("doc1", "/api/v1/patients/" + patientId).at("address"))
        .endsWith("|zipped");
  }

  @Test
  void pull_acceptEncodingGzip_responseIsCompressed() throws Exception {
    TestDevice tablet = new TestDevice(api, "doc1", area.userId("doc1"));
    tablet.register();
    for (int i = 0; i < 5; i++) {
      api.post("doc1", "/api/v1/patients", PatientSamples.hypertensive(VILLAGE_1));
    }
    byte[] body = json.writeValueAsBytes(tablet.request(List.of()));

    HttpResponse<byte[]> r =
        http.send(
            sync()
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
    byte[] inflated = gunzip(r.body());
    assertThat(inflated.length).isGreaterThan(r.body().length);
    Map<String, Object> answer =
        json.readValue(inflated, Argument.mapOf(String.class, Object.class));
    assertThat((List<?>) answer.get("changes")).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void push_gzipBodyInflatingBeyondTheSizeLimit_413() throws Exception {
    TestDevice tablet = new TestDevice(api, "doc1", area.userId("doc1"));
    tablet.register();
    // 3 MB of spaces before the JSON: a tiny compressed body, too large once inflated.
    byte[] padding = new byte[3 * 1024 * 1024];
    Arrays.fill(padding, (byte) ' ');
    byte[] jsonBody = json.writeValueAsBytes(tablet.request(List.of()));
    byte[] inflated = new byte[padding.length + jsonBody.length];
    System.arraycopy(padding, 0, inflated, 0, padding.length);
    System.arraycopy(jsonBody, 0, inflated, padding.length, jsonBody.length);
    byte[] compressed = gzip(inflated);
    assertThat(compressed.length).isLessThan(64 * 1024);

    HttpResponse<String> r =
        http.send(
            sync()
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(compressed))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(r.body()).contains("PAYLOAD_TOO_LARGE");
  }

  @Test
  void push_corruptGzipBody_400MalformedRequest() throws Exception {
    TestDevice tablet = new TestDevice(api, "doc1", area.userId("doc1"));
    tablet.register();
    byte[] compressed = gzip(json.writeValueAsBytes(tablet.request(List.of())));
    byte[] truncated = Arrays.copyOf(compressed, compressed.length / 2);

    HttpResponse<String> r =
        http.send(
            sync()
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(truncated))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"MALFORMED_REQUEST\"");
  }

  @Test
  void push_bodyLabelledGzipThatDoesNotInflate_400MalformedRequest() throws Exception {
    // Found by the fuzzer: Netty's DecompressionException reached the default handler (500).
    TestDevice tablet = new TestDevice(api, "doc1", area.userId("doc1"));
    tablet.register();
    byte[] plain = json.writeValueAsBytes(tablet.request(List.of()));
    byte[] badChecksum = gzip(plain);
    badChecksum[badChecksum.length - 8] ^= 0x55; // the CRC-32 in the gzip trailer

    for (byte[] body : List.of(plain, "not gzip".getBytes(), badChecksum)) {
      HttpResponse<String> r =
          http.send(
              sync()
                  .header("Content-Encoding", "gzip")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(r.body()).contains("\"code\":\"MALFORMED_REQUEST\"");
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
