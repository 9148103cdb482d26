package org.suifang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.PageSession;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * Security headers on every dashboard page and every JSON API answer (errors included), and no
 * stack trace, exception name or internal detail in any error answer: bad JSON, wrong types,
 * unknown routes, wrong methods and media types, oversized and broken bodies, and an unexpected
 * exception (a test-only controller).
 */
@MicronautTest(transactional = false)
@Property(name = "spec.name", value = "ResponseHardeningTest")
class ResponseHardeningTest {

  private static final String PAGE_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";
  private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

  @Inject EmbeddedServer server;
  @Inject TestAuth auth;
  @Inject TestApi api;
  @Inject JsonMapper json;

  RawHttp http;
  String patientId;

  @BeforeEach
  void setUp() {
    auth.seedArea();
    http = new RawHttp(server.getURL());
    if (patientId == null) {
      patientId =
          (String)
              api.post("doc1", "/api/v1/patients", PatientSamples.hypertensive(TestArea.VILLAGE_1))
                  .json()
                  .get("id");
    }
  }

  @Test
  void dashboardPages_andTheirErrorPages_carryTheSecurityHeaders() {
    PageSession sup = signedIn("sup1");
    PageSession admin = signedIn("admin1");
    Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
    pages.put("login form", new PageSession(server.getURL()).get("/login"));
    for (String path :
        List.of(
            "/dashboard",
            "/dashboard/review",
            "/dashboard/sync-health",
            "/dashboard/worklists/overdue",
            "/dashboard/worklists/at-risk",
            "/dashboard/worklists/overdue/export-unmasked",
            "/dashboard/worklists/overdue/export.csv",
            "/dashboard/patients/" + patientId,
            "/dashboard/patients/" + UUID.randomUUID(),
            "/dashboard/patients/not-a-uuid",
            "/dashboard/no-such-page")) {
      pages.put(path, sup.get(path));
    }
    pages.put("/dashboard/audit", admin.get("/dashboard/audit"));
    pages.put("/dashboard/audit as supervisor", sup.get("/dashboard/audit"));

    pages.forEach(
        (what, page) -> {
          assertThat(page.headers().firstValue("content-security-policy"))
              .as(what)
              .hasValue(PAGE_CSP);
          assertThat(page.headers().firstValue("x-content-type-options"))
              .as(what)
              .hasValue("nosniff");
          assertThat(page.headers().firstValue("x-frame-options")).as(what).hasValue("DENY");
          assertThat(page.headers().firstValue("referrer-policy")).as(what).hasValue("no-referrer");
          assertThat(page.headers().allValues("cache-control"))
              .as(what)
              .containsExactly("no-store");
          assertNoInternals(what, page);
        });
    assertThat(pages.get("/dashboard/patients/" + patientId).statusCode()).isEqualTo(200);
    assertThat(pages.get("/dashboard/audit as supervisor").statusCode()).isEqualTo(403);
  }

  @Test
  void apiAnswers_successAndErrors_carryTheSecurityHeaders() {
    String doctor = auth.login("doc1");
    String supervisor = auth.login("sup1");
    Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
    answers.put("me", get("/api/v1/me", doctor));
    answers.put("patient", get("/api/v1/patients/" + patientId, doctor));
    answers.put("patient list", get("/api/v1/patients", doctor));
    answers.put("csv", get("/api/v1/reports/worklists/overdue.csv", supervisor));
    answers.put(
        "sync health (sets no-store itself)", get("/api/v1/reports/sync-health", supervisor));
    answers.put(
        "login (sets no-store itself)",
        http.send(
            "POST",
            "/api/v1/auth/login",
            Map.of("Content-Type", "application/json"),
            "{\"username\":\"doc2\",\"password\":\"" + TestAuth.PASSWORD + "\"}"));
    answers.put("401", get("/api/v1/me", null));
    answers.put(
        "403", get("/api/v1/villages/" + TestArea.VILLAGE_3 + "/worklists/overdue", doctor));
    answers.put("404", get("/api/v1/patients/" + UUID.randomUUID(), doctor));

    answers.forEach(
        (what, answer) -> {
          assertThat(answer.headers().firstValue("content-security-policy"))
              .as(what)
              .hasValue(API_CSP);
          assertThat(answer.headers().firstValue("x-content-type-options"))
              .as(what)
              .hasValue("nosniff");
          assertThat(answer.headers().firstValue("x-frame-options")).as(what).hasValue("DENY");
          assertThat(answer.headers().firstValue("referrer-policy"))
              .as(what)
              .hasValue("no-referrer");
          assertThat(answer.headers().allValues("cache-control"))
              .as(what)
              .containsExactly("no-store");
        });
    assertThat(answers.get("patient").statusCode()).isEqualTo(200);
    assertThat(answers.get("403").statusCode()).isEqualTo(403);
  }

  @Test
  void errorAnswers_neverCarryStackTracesOrInternals() {
    String doctor = auth.login("doc1");
    Map<String, String> jsonType = Map.of("Content-Type", "application/json");
    List<Object[]> cases = new ArrayList<>();
    cases.add(req("malformed JSON", "POST", "/api/v1/patients", doctor, jsonType, "{\"name\":"));
    cases.add(req("JSON array for an object", "POST", "/api/v1/patients", doctor, jsonType, "[]"));
    cases.add(
        req(
            "wrong types",
            "POST",
            "/api/v1/patients",
            doctor,
            jsonType,
            "{\"id\":42,\"name\":{\"x\":1},\"birthDate\":\"yesterday\",\"conditions\":\"none\"}"));
    cases.add(
        req(
            "invalid UTF-8",
            "POST",
            "/api/v1/patients",
            doctor,
            jsonType,
            "{\"name\":\"\\uD800\"}"));
    cases.add(
        req(
            "unsupported media type",
            "POST",
            "/api/v1/patients",
            doctor,
            Map.of("Content-Type", "text/plain"),
            "hello"));
    cases.add(
        req(
            "body labelled gzip that is not gzip",
            "POST",
            "/api/v1/patients",
            doctor,
            Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
            "{\"name\":\"not gzip\"}"));
    cases.add(
        req(
            "body over 2 MB",
            "POST",
            "/api/v1/patients",
            doctor,
            jsonType,
            "{\"name\":\"" + "x".repeat(2_200_000) + "\"}"));
    cases.add(
        req(
            "method not allowed",
            "DELETE",
            "/api/v1/patients/" + patientId,
            doctor,
            Map.of(),
            null));
    cases.add(
        req(
            "path parameter not a UUID",
            "GET",
            "/api/v1/patients/not-a-uuid",
            doctor,
            Map.of(),
            null));
    cases.add(
        req(
            "query parameter not a number",
            "GET",
            "/api/v1/patients?page=abc",
            doctor,
            Map.of(),
            null));
    cases.add(
        req(
            "query parameter out of range",
            "GET",
            "/api/v1/patients?size=100000",
            doctor,
            Map.of(),
            null));
    cases.add(req("unknown API route", "GET", "/api/v1/no-such-thing", doctor, Map.of(), null));
    cases.add(req("unknown route, anonymous", "GET", "/no-such-thing", null, Map.of(), null));
    cases.add(
        req("unexpected exception (500)", "GET", "/api/v1/test-only/boom", null, Map.of(), null));

    int checked = 0;
    for (Object[] c : cases) {
      String what = (String) c[0];
      Map<String, String> headers = new LinkedHashMap<>(castMap(c[4]));
      if (c[3] != null) {
        headers.put("Authorization", "Bearer " + c[3]);
      }
      HttpResponse<String> answer = http.send((String) c[1], (String) c[2], headers, (String) c[5]);
      assertThat(answer.statusCode()).as(what).isBetween(400, what.contains("500") ? 500 : 499);
      assertNoInternals(what, answer);
      if (!answer.body().isEmpty()) {
        Map<String, Object> body = body(what, answer);
        assertThat(body).as(what).containsKeys("code", "messageZh", "messageEn");
      }
      checked++;
    }
    System.out.printf("Error answers without internals: %d cases%n", checked);
  }

  private static Object[] req(
      String what,
      String method,
      String path,
      String token,
      Map<String, String> headers,
      String body) {
    return new Object[] {what, method, path, token, headers, body};
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> castMap(Object o) {
    return (Map<String, String>) o;
  }

  private static void assertNoInternals(String what, HttpResponse<String> answer) {
    assertThat(answer.body())
        .as(what)
        .doesNotContain("\tat ")
        .doesNotContain("at org.")
        .doesNotContain("at io.micronaut")
        .doesNotContain("at java.")
        .doesNotContain("Exception")
        .doesNotContain(BoomController.DETAIL)
        .doesNotContain("hunter2");
  }

  private PageSession signedIn(String username) {
    PageSession browser = new PageSession(server.getURL());
    assertThat(browser.login(username, TestAuth.PASSWORD, "/dashboard").statusCode())
        .isEqualTo(303);
    return browser;
  }

  private HttpResponse<String> get(String path, String token) {
    return http.send(
        "GET", path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), null);
  }

  private Map<String, Object> body(String what, HttpResponse<String> answer) {
    try {
      return json.readValue(answer.body(), Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new AssertionError(what + ": not JSON: " + answer.body(), e);
    }
  }
}
