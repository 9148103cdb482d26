package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.Patient;
import org.suifang.client.RecordState;
import org.suifang.client.SuifangNetworkException;
import org.suifang.client.SyncReport;
import org.suifang.client.Visit;
import org.suifang.server.e2e.CuttingProxy.Cut;
import org.suifang.server.e2e.FaultInterceptor.Fault;
import org.suifang.server.testing.TestAuth;

/**
 * The connection is cut at every point of a sync exchange with the real server: before the request
 * leaves the tablet, part-way through the request body, after the whole request, after the server
 * committed, and at many byte offsets of the response (head and body). Each cut is followed by a
 * sync without faults, after which the server holds every mutation exactly once, the outbox is
 * empty and the tablet shows what the server holds.
 */
@MicronautTest(transactional = false)
class ConnectionCutE2eTest {
  @Inject TestAuth auth;

  @Inject ServerProbe server;

  @TempDir File tmp;

  private CuttingProxy proxy;
  private Tablet tablet;
  private final List<UUID> patients = new ArrayList<>();
  private final List<UUID> visits = new ArrayList<>();

  @BeforeEach
  void tablet() throws Exception {
    auth.seedArea();
    proxy = new CuttingProxy(server.port());
    tablet = Tablet.open("tablet", proxy.url(), new File(tmp, "tablet"));
    tablet.client().login("doc1", TestAuth.PASSWORD);
    tablet.syncOk();
  }

  @AfterEach
  void close() {
    tablet.close();
    proxy.close();
    assertThat(proxy.failures()).isEmpty();
  }

  /** What a cut did on the server before the next sync. */
  enum Reached {
    NOT_AT_ALL,
    APPLIED,
    UNKNOWN
  }

  /** Records a patient and a visit offline: two mutations in the outbox. */
  private void recordTwo(int n) throws Exception {
    int pending = tablet.pending();
    Patient p = tablet.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
    Visit v =
        tablet
            .client()
            .followUps()
            .record(
                p.id(), Samples.htnVisit(Samples.today().minusDays(1 + n % 20), 140, 88).build());
    patients.add(p.id());
    visits.add(v.id());
    assertThat(tablet.pending()).isEqualTo(pending + 2);
  }

  /** Everything recorded so far is on the server once, and on the tablet as the server has it. */
  private void assertConverged(String scenario) throws Exception {
    UUID device = tablet.client().deviceId();
    assertThat(tablet.pending()).as(scenario).isZero();
    assertThat(server.mutationResults(device)).as(scenario).isEqualTo(2L * patients.size());
    assertThat(server.count("SELECT count(*) FROM device_mutation WHERE device_id = ?", device))
        .as(scenario)
        .isEqualTo(2L * patients.size());
    assertThat(
            server.count(
                "SELECT count(*) FROM mutation_result WHERE device_id = ? AND status <> 'APPLIED'",
                device))
        .as(scenario)
        .isZero();
    for (int i = 0; i < patients.size(); i++) {
      UUID p = patients.get(i);
      assertThat(server.count("SELECT count(*) FROM patient WHERE id = ?", p)).isEqualTo(1);
      assertThat(server.historyIds("doc1", p)).as(scenario).containsExactly(visits.get(i));
      List<Visit> local = tablet.client().followUps().history(p);
      assertThat(local).as(scenario).hasSize(1);
      assertThat(local.get(0).id()).isEqualTo(visits.get(i));
      assertThat(local.get(0).syncState()).isEqualTo(RecordState.SYNCED);
      assertThat(tablet.client().patients().get(p).syncState()).isEqualTo(RecordState.SYNCED);
    }
  }

  private void cutThenSync(String scenario, Reached reached, Runnable arm) throws Exception {
    recordTwo(patients.size());
    long before = server.mutationResults(tablet.client().deviceId());
    arm.run();

    SyncReport cut = tablet.syncFails();

    assertThat(cut.error()).as(scenario).isInstanceOf(SuifangNetworkException.class);
    assertThat(tablet.pending()).as(scenario).isEqualTo(2);
    long after = server.mutationResults(tablet.client().deviceId());
    if (reached == Reached.NOT_AT_ALL) {
      assertThat(after).as(scenario).isEqualTo(before);
    } else if (reached == Reached.APPLIED) {
      assertThat(after).as(scenario).isEqualTo(before + 2);
    }
    SyncReport retry = tablet.syncOk();
    // A retry reports the server's answers, duplicates included.
    assertThat(retry.pushed()).as(scenario).isEqualTo(2);
    assertConverged(scenario);
  }

  private void interceptorCut(String scenario, Reached reached, Fault fault) throws Exception {
    cutThenSync(scenario, reached, () -> tablet.faults.failNextSync(fault));
  }

  private void proxyCut(Reached reached, Cut cut) throws Exception {
    cutThenSync(cut.label, reached, () -> proxy.cutNextSync(cut));
    CuttingProxy.Exchange cutExchange = proxy.log().get(proxy.log().size() - 2);
    assertThat(cutExchange.cut()).isEqualTo(cut.label);
    if (cut.kind == CuttingProxy.Kind.RESPONSE_PREFIX) {
      assertThat(cutExchange.relayed()).as(cut.label).isLessThan(cutExchange.responseTotal());
    }
    if (cut.kind == CuttingProxy.Kind.REQUEST_PREFIX) {
      assertThat(cutExchange.forwardedBody()).as(cut.label).isLessThan(cutExchange.requestBody());
    }
  }

  @Test
  void cutBeforeTheRequestIsSent_nothingApplied_retryConverges() throws Exception {
    interceptorCut(
        "interceptor: before sending", Reached.NOT_AT_ALL, FaultInterceptor.dropBeforeSending());
    proxyCut(Reached.NOT_AT_ALL, Cut.refuse());
  }

  @Test
  void cutWhileTheRequestBodyIsSent_nothingApplied_retryConverges() throws Exception {
    proxyCut(Reached.NOT_AT_ALL, Cut.requestPrefix("request head only", (h, body) -> 0));
    proxyCut(Reached.NOT_AT_ALL, Cut.requestPrefix("one body byte", (h, body) -> 1));
    proxyCut(Reached.NOT_AT_ALL, Cut.requestPrefix("half the body", (h, body) -> body / 2));
    proxyCut(
        Reached.NOT_AT_ALL, Cut.requestPrefix("all but the last body byte", (h, body) -> body - 1));
  }

  @Test
  void cutAfterTheWholeRequest_beforeTheServerAnswers_retryConverges() throws Exception {
    // Whether the server finishes a request whose connection is gone is up to it: either way the
    // next sync must converge.
    proxyCut(Reached.UNKNOWN, Cut.afterRequest());
  }

  @Test
  void cutAfterTheServerCommitted_retryAnsweredAsDuplicates() throws Exception {
    interceptorCut(
        "interceptor: after the server answered",
        Reached.APPLIED,
        FaultInterceptor.dropAfterServerAnswered());
    proxyCut(Reached.APPLIED, Cut.responsePrefix("no response byte", (head, total) -> 0));
  }

  @Test
  void cutInsideTheResponse_atNamedOffsets_retryAnsweredAsDuplicates() throws Exception {
    proxyCut(Reached.APPLIED, Cut.responsePrefix("1 response byte", (head, total) -> 1));
    proxyCut(Reached.APPLIED, Cut.responsePrefix("in the status line", (head, total) -> 9));
    proxyCut(Reached.APPLIED, Cut.responsePrefix("half the head", (head, total) -> head / 2));
    proxyCut(Reached.APPLIED, Cut.responsePrefix("head but its last byte", (h, t) -> h - 1));
    proxyCut(Reached.APPLIED, Cut.responsePrefix("the head, no body", (head, total) -> head));
    proxyCut(Reached.APPLIED, Cut.responsePrefix("1 body byte", (head, total) -> head + 1));
    proxyCut(Reached.APPLIED, Cut.responsePrefix("10 body bytes", (head, total) -> head + 10));
    proxyCut(
        Reached.APPLIED,
        Cut.responsePrefix("half the body", (head, total) -> head + (total - head) / 2));
    proxyCut(Reached.APPLIED, Cut.responsePrefix("all but 5 bytes", (head, total) -> total - 5));
    proxyCut(Reached.APPLIED, Cut.responsePrefix("all but the last byte", (h, total) -> total - 1));
    for (int bytes : new int[] {0, 1, 64, 400, 1000}) {
      interceptorCut(
          "interceptor: body cut after " + bytes + " decompressed bytes",
          Reached.APPLIED,
          FaultInterceptor.cutResponseBodyAfter(bytes));
    }
  }

  @Test
  void cutInsideTheResponse_atEverySixteenth_retryAnsweredAsDuplicates() throws Exception {
    for (int k = 0; k < 16; k++) {
      int sixteenths = k;
      proxyCut(
          Reached.APPLIED,
          Cut.responsePrefix(
              "response cut at " + k + "/16", (head, total) -> total * sixteenths / 16));
    }
  }

  @Test
  void twoCutsInARow_thirdSyncSendsEverythingOnce() throws Exception {
    recordTwo(0);
    proxy.cutNextSync(Cut.responsePrefix("first of two", (head, total) -> head + 3));
    tablet.syncFails();
    proxy.cutNextSync(Cut.requestPrefix("second of two", (h, body) -> body / 3));
    tablet.syncFails();
    recordTwo(1);
    assertThat(tablet.pending()).isEqualTo(4);

    SyncReport report = tablet.syncOk();

    assertThat(report.pushed()).isEqualTo(4);
    assertConverged("two cuts in a row");
  }

  @Test
  void appRestartAfterACut_outboxKept_thenConverges() throws Exception {
    recordTwo(0);
    tablet.faults.failNextSync(FaultInterceptor.dropAfterServerAnswered());
    tablet.syncFails();
    tablet.reopen();
    assertThat(tablet.pending()).isEqualTo(2);

    tablet.syncOk();

    assertConverged("restart after a cut");
  }
}
