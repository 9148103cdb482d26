package org.suifang.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.testing.TestDatabaseConfigurer;

/**
 * Values the database refuses are bad input, not server errors. Found by the fuzzer: on PostgreSQL
 * a NUL character in any text (a body field or a query parameter) was a 500.
 */
@MicronautTest(transactional = false)
class BadDataTest {

  @Inject TestAuth auth;
  @Inject TestApi api;

  @BeforeEach
  void seed() {
    auth.seedArea();
  }

  @Test
  void create_nulInText_storedOnH2_400MalformedOnPostgres() {
    Map<String, Object> patient = PatientSamples.hypertensive(TestArea.VILLAGE_1);
    patient.put("address", "东关村\u00003组");

    TestApi.Response r = api.post("doc1", "/api/v1/patients", patient);

    expectStoredOrMalformed(r, 201);
  }

  @Test
  void search_nulInAQueryParameter_answeredOnH2_400MalformedOnPostgres() {
    TestApi.Response r = api.send("admin1", HttpRequest.GET("/api/v1/audit-log?user=a%00b"));

    expectStoredOrMalformed(r, 200);
  }

  private static void expectStoredOrMalformed(TestApi.Response r, int h2Status) {
    if (TestDatabaseConfigurer.onPostgres()) {
      assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(400);
      assertThat(r.at("code")).isEqualTo("MALFORMED_REQUEST");
      assertThat(r.fieldErrors()).containsExactly("body:UNSTORABLE");
    } else {
      assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(h2Status);
    }
  }
}
