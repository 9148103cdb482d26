package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.Conflict;
import org.suifang.client.Patient;
import org.suifang.client.PatientRegistration;
import org.suifang.client.PatientUpdate;
import org.suifang.server.testing.DashboardBrowser;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestAuth;

/**
 * The review queue in a real browser (Chromium through Playwright): a supervisor resolves a
 * conflict and merges a duplicate on {@code /dashboard/review}, and real {@code SuifangClient}
 * tablets see the outcome on their next sync.
 */
@Tag("browser")
@MicronautTest(transactional = false)
class ReviewPageBrowserTest {
  @Inject TestAuth auth;

  @Inject ServerProbe server;

  @TempDir File tmp;

  private Tablet a;
  private Tablet b;

  @BeforeEach
  void tablets() throws Exception {
    auth.seedArea();
    server.createDoctor("doc1w", "孙医生", VILLAGE_1);
    a = Tablet.open("tablet-a", server.url(), new File(tmp, "a"));
    b = Tablet.open("tablet-b", server.url(), new File(tmp, "b"));
    a.client().login("doc1", TestAuth.PASSWORD);
    b.client().login("doc1w", TestAuth.PASSWORD);
    a.syncOk();
    b.syncOk();
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  private URL base() throws Exception {
    return URI.create(server.url()).toURL();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> itemOf(TestApi.Response r, String key, UUID patientId) {
    for (Map<String, Object> item : (List<Map<String, Object>>) r.at("items")) {
      Object value = item.get(key);
      if (value instanceof Map<?, ?> side) {
        value = side.get("id");
      }
      if (patientId.toString().equals(value)) {
        return item;
      }
    }
    return null;
  }

  @Test
  @SuppressWarnings("unchecked")
  void resolveInThePage_tabletsGetTheChosenValueOnTheirNextSync() throws Exception {
    Patient p = a.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
    a.syncOk();
    b.syncOk();
    a.offline();
    b.offline();
    a.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000011").build());
    b.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000012").build());
    a.online();
    b.online();
    a.syncOk();
    b.syncOk();
    a.syncOk();
    Map<String, Object> conflict =
        itemOf(server.api().get("sup1", "/api/v1/review/conflicts?size=100"), "patientId", p.id());
    assertThat(conflict).isNotNull();
    String id = (String) conflict.get("id");
    String loser = (String) ((Map<String, Object>) conflict.get("loser")).get("value");

    // Township 2's supervisor neither sees the conflict nor may resolve it, even with a valid
    // session and CSRF token.
    Page other = DashboardBrowser.shared().login(base(), "sup2", TestAuth.PASSWORD);
    try {
      other.navigate(server.url() + "dashboard/review");
      assertThat(other.locator("tr.conflict[data-conflict-id='" + id + "']").count()).isZero();
      String token = other.locator("form.logout input[name=csrfToken]").getAttribute("value");
      APIResponse forged =
          other
              .request()
              .post(
                  server.url() + "dashboard/review/conflicts/" + id + "/resolve",
                  RequestOptions.create()
                      .setForm(FormData.create().set("csrfToken", token).set("choice", "LOSER"))
                      .setMaxRedirects(0));
      assertThat(forged.status()).isEqualTo(403);
    } finally {
      other.context().close();
    }
    assertThat(
            itemOf(
                server.api().get("sup1", "/api/v1/review/conflicts?size=100"), "patientId", p.id()))
        .isNotNull();

    Page page = DashboardBrowser.shared().login(base(), "sup1", TestAuth.PASSWORD);
    try {
      page.navigate(server.url() + "dashboard/review");
      String row = "tr.conflict[data-conflict-id='" + id + "']";
      assertThat(page.locator(row).textContent()).contains(loser).contains("联系电话");
      assertThat(page.locator("#count-conflicts").textContent()).isNotBlank();
      DashboardBrowser.screenshot(page, "review-conflict-before");
      page.locator(row + " td.side-loser input[name=note]").fill("电话回访核实");
      page.locator(row + " td.side-loser button").click();
      page.waitForURL(Pattern.compile(".*/dashboard/review\\?done=resolved.*"));

      assertThat(page.locator("#review-flash").textContent()).contains("冲突已处理");
      assertThat(page.locator(row).count()).isZero();
      DashboardBrowser.screenshot(page, "review-conflict-resolved");
    } finally {
      page.context().close();
    }
    assertThat(
            server.count(
                "SELECT count(*) FROM audit_log WHERE action = 'CONFLICT_RESOLVE' AND target_id = ?",
                id))
        .isEqualTo(1);

    a.syncOk();
    b.syncOk();
    for (Tablet t : List.of(a, b)) {
      assertThat(t.client().patients().get(p.id()).phone()).as(t.name).isEqualTo(loser);
      Conflict seen = null;
      for (Conflict c : t.client().conflicts()) {
        if (c.id().toString().equals(id)) {
          seen = c;
        }
      }
      assertThat(seen).as(t.name).isNotNull();
      assertThat(seen.status()).isEqualTo("RESOLVED");
      assertThat(seen.resolution().choice()).isEqualTo("LOSER");
      assertThat(seen.resolution().note()).isEqualTo("电话回访核实");
    }
  }

  @Test
  void mergeInThePage_duplicateRedirectsToTheSurvivor() throws Exception {
    PatientRegistration first = Samples.hypertensive(VILLAGE_1).build();
    Patient survivor = a.client().patients().register(first);
    a.syncOk();
    Patient duplicate =
        b.client()
            .patients()
            .register(Samples.hypertensive(VILLAGE_1).residentId(first.residentId()).build());
    b.syncOk();
    a.syncOk();
    Map<String, Object> candidate =
        itemOf(
            server.api().get("sup1", "/api/v1/review/merge-candidates?size=100"),
            "a",
            survivor.id());
    boolean survivorLeft = candidate != null;
    if (candidate == null) {
      candidate =
          itemOf(
              server.api().get("sup1", "/api/v1/review/merge-candidates?size=100"),
              "b",
              survivor.id());
    }
    assertThat(candidate).isNotNull();
    String id = (String) candidate.get("id");

    Page page = DashboardBrowser.shared().login(base(), "sup1", TestAuth.PASSWORD);
    try {
      page.navigate(server.url() + "dashboard/review#duplicates");
      String box = "div.candidate[data-candidate-id='" + id + "']";
      assertThat(page.locator(box).textContent()).contains(first.residentId()).contains("身份证号相同");
      DashboardBrowser.screenshot(page, "review-merge-before");
      // The same page in English.
      page.locator("#lang-switch").click();
      page.waitForURL(Pattern.compile(".*/dashboard/review.*"));
      assertThat(page.locator("main h1").textContent()).isEqualTo("Review queue");
      assertThat(page.locator("#conflicts .help").textContent()).contains("the winner’s;");
      assertThat(page.locator(box).textContent()).contains("Same resident ID number");
      assertThat(page.locator(box + " form.merge-left button").textContent())
          .isEqualTo("Merge into left");
      DashboardBrowser.screenshot(page, "review-merge-before-en");
      page.locator(box + (survivorLeft ? " form.merge-left button" : " form.merge-right button"))
          .click();
      page.waitForURL(Pattern.compile(".*/dashboard/review\\?done=merged.*"));

      assertThat(page.locator("#review-flash").textContent()).contains("Merged");
      assertThat(page.locator(box).count()).isZero();
      DashboardBrowser.screenshot(page, "review-merge-done");
    } finally {
      page.context().close();
    }

    HttpResponse<String> raw =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.url() + "api/v1/patients/" + duplicate.id()))
                    .header("Authorization", "Bearer " + auth.login("sup1"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isEqualTo(301);
    assertThat(raw.headers().firstValue("Location")).hasValue("/api/v1/patients/" + survivor.id());
    a.syncOk();
    b.syncOk();
    for (Tablet t : List.of(a, b)) {
      assertThat(t.client().patients().get(duplicate.id()).id())
          .as(t.name)
          .isEqualTo(survivor.id());
    }
  }
}
