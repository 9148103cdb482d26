package org.suifang.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.Patient;
import org.suifang.client.SuifangClient;
import org.suifang.client.SyncReport;
import org.suifang.client.VisitForm;
import org.suifang.client.bench.BenchReport;
import org.suifang.client.bench.LinkProfile;
import org.suifang.client.bench.VillageData;
import org.suifang.client.internal.net.Answer;
import org.suifang.client.internal.net.Api;
import org.suifang.client.internal.net.DeviceRequest;
import org.suifang.client.internal.net.SyncRequest;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * The wire benchmark of docs/performance.md ("Wire: bytes, round trips, initial sync, slow links"):
 * real {@link SuifangClient} tablets against the embedded server, their OkHttp traffic counted by a
 * {@link WireMeter}.
 *
 * <ol>
 *   <li>Tablet A registers the village's 500 patients and pushes them, then records its 9,900
 *       visits and pushes them in batches of 1, 50 and 200 (the protocol's most).
 *   <li>A bare puller (client-lib's own {@code Api}, as a third device) reads the feed at pages of
 *       1, 50 and 500 changes: bytes per patient and per follow-up, against the same records in a
 *       column-oriented encoding, gzipped.
 *   <li>Tablet B, new, makes the initial sync of the village, timed and split into the server's
 *       handling, the transfer and the client's parse and apply; then a day's sync (50 visits) and
 *       a single visit, with their round trips.
 *   <li>The same syncs projected onto the links of sync-design §5.2 ({@link LinkProfile}).
 * </ol>
 *
 * <pre>
 * ./mvnw -B -o -pl client-lib,server verify -Pbench -Dtest=WireBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * H2 only: the wire does not depend on the database (helper B's push and pull benchmarks cover
 * PostgreSQL).
 */
@MicronautTest(transactional = false)
@Tag("h2-only")
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
class WireBenchmark {

  @Inject TestAuth auth;

  @Inject EmbeddedServer server;

  @TempDir File tmp;

  private record Planned(int patient, VisitForm form) {}

  @Test
  void wire_village() throws Exception {
    auth.seedArea();
    String db = System.getProperty("suifang.test.db", "h2");
    String url = server.getURL() + "/";
    VillageData village = VillageData.generate(20261120L, TestArea.VILLAGE_1);
    List<Planned> visits = new ArrayList<>();
    for (int i = 0; i < village.patients().size(); i++) {
      for (VisitForm v : village.patients().get(i).visits) {
        visits.add(new Planned(i, v));
      }
    }
    // A doctor's tablet records visits day by day, not patient by patient.
    visits.sort(Comparator.comparing(p -> p.form().visitDate()));

    BenchReport.Section push =
        BenchReport.section("20-wire-push", "Wire: push, bytes per record (" + db + ")");
    WireMeter meterA = new WireMeter();
    meterA.keepBodies = true;
    List<UUID> patientIds = new ArrayList<>();
    long recordNanos;
    try (SuifangClient a = tablet(url, new File(tmp, "a"), meterA, "A")) {
      a.login("doc1", TestAuth.PASSWORD);
      a.sync();
      for (VillageData.PatientPlan p : village.patients()) {
        Patient registered = a.patients().register(p.registration);
        patientIds.add(registered.id());
      }
      WireMeter.Snapshot s0 = meterA.snapshot();
      int bodies0 = meterA.sentBodies.size();
      SyncReport r = a.sync();
      assertThat(r.success()).as(r.toString()).isTrue();
      assertThat(r.pushed()).isEqualTo(village.patients().size());
      WireMeter.Snapshot patients = meterA.snapshot().minus(s0);
      meterA.keepBodies = false;
      pushRow(push, "patients, batch 200", patients, village.patients().size(), r);
      baselineRow(push, "patients", payloads(meterA.sentBodies.subList(bodies0, bodies0 + 1)));

      int next = 0;
      long t0 = System.nanoTime();
      // Batch of 1: a visit, a sync, 20 times.
      WireMeter.Snapshot b1 = meterA.snapshot();
      int rt1 = 0;
      for (int i = 0; i < 20; i++, next++) {
        a.followUps().record(patientIds.get(visits.get(next).patient()), visits.get(next).form());
        SyncReport one = a.sync();
        assertThat(one.success()).as(one.toString()).isTrue();
        rt1 += one.roundTrips();
      }
      pushRow(push, "follow-ups, batch 1", meterA.snapshot().minus(b1), 20, null);
      // Batches of 50: a day's visits, 4 days.
      WireMeter.Snapshot b50 = meterA.snapshot();
      for (int day = 0; day < 4; day++) {
        for (int i = 0; i < 50; i++, next++) {
          a.followUps().record(patientIds.get(visits.get(next).patient()), visits.get(next).form());
        }
        SyncReport d = a.sync();
        assertThat(d.success()).as(d.toString()).isTrue();
      }
      pushRow(push, "follow-ups, batch 50", meterA.snapshot().minus(b50), 200, null);
      // The rest, in batches of 200.
      meterA.keepBodies = true;
      int rest0 = next;
      for (; next < visits.size(); next++) {
        a.followUps().record(patientIds.get(visits.get(next).patient()), visits.get(next).form());
      }
      recordNanos = System.nanoTime() - t0;
      WireMeter.Snapshot b200 = meterA.snapshot();
      int bodies200 = meterA.sentBodies.size();
      SyncReport all = a.sync();
      assertThat(all.success()).as(all.toString()).isTrue();
      assertThat(all.pushed()).isEqualTo(visits.size() - rest0);
      pushRow(
          push, "follow-ups, batch 200", meterA.snapshot().minus(b200), visits.size() - rest0, all);
      List<JsonObject> pushed = payloads(meterA.sentBodies.subList(bodies200, bodies200 + 1));
      baselineRow(push, "follow-ups", pushed);
      push.row(
          "tablet A: push of " + (visits.size() - rest0) + " follow-ups",
          String.format(
              Locale.ROOT,
              "%.1f s, %d round trips",
              all.duration().toMillis() / 1000.0,
              all.roundTrips()));
      push.row(
          "tablet A: recording " + visits.size() + " visits locally (with the syncs above)",
          String.format(Locale.ROOT, "%.1f s", recordNanos / 1e9));
    }

    // The bare puller: pages of 1, 50 and 500.
    BenchReport.Section pull =
        BenchReport.section("21-wire-pull", "Wire: pull, bytes per record (" + db + ")");
    pullRows(pull, url);

    // Tablet B: the initial sync, a day's sync, one visit.
    BenchReport.Section initial =
        BenchReport.section(
            "22-wire-initial", "Wire: initial sync of a village, loopback (" + db + ")");
    BenchReport.Section links =
        BenchReport.section("23-wire-links", "Wire: syncs projected onto slow links (" + db + ")");
    WireMeter meterB = new WireMeter();
    try (SuifangClient b = tablet(url, new File(tmp, "b"), meterB, "B")) {
      b.login("doc1", TestAuth.PASSWORD);
      WireMeter.Snapshot s0 = meterB.snapshot();
      long t0 = System.nanoTime();
      SyncReport r = b.sync();
      long total = System.nanoTime() - t0;
      assertThat(r.success()).as(r.toString()).isTrue();
      assertThat(r.pulled()).isGreaterThanOrEqualTo(village.patients().size() + visits.size());
      WireMeter.Snapshot s = meterB.snapshot().minus(s0);
      double seconds = total / 1e9;
      initial.row(
          "initial sync: "
              + village.patients().size()
              + " patients, "
              + visits.size()
              + " follow-ups",
          String.format(Locale.ROOT, "%.2f s", seconds),
          BenchReport.target("≤ 5 s", seconds <= 5),
          "",
          "");
      double server = s.serverNanos() / 1e9;
      double transfer = s.transferNanos() / 1e9;
      double client = seconds - s.exchangeNanos() / 1e9;
      initial.row(
          "  server (request sent → answer headers)", String.format(Locale.ROOT, "%.2f s", server));
      initial.row(
          "  transfer (answer body, loopback)", String.format(Locale.ROOT, "%.2f s", transfer));
      initial.row(
          "  client (build requests, parse, apply)", String.format(Locale.ROOT, "%.2f s", client));
      initial.row("  round trips", Long.toString(s.requests()));
      initial.row(
          "  bytes received (gzip, with headers) / raw",
          BenchReport.num(s.received(), 0) + " B / " + BenchReport.num(s.rawReceived(), 0) + " B");
      initial.row("  bytes sent (gzip, with headers)", BenchReport.num(s.sent(), 0) + " B");
      linkRows(links, "initial sync", s);

      // A day's sync: 50 visits recorded, nothing else to pull.
      Random random = new Random(7);
      LocalDate day = VillageData.TODAY.plusDays(1);
      for (int i = 0; i < 50; i++) {
        b.followUps().record(patientIds.get(i), VillageData.hypertensionVisit(random, day));
      }
      WireMeter.Snapshot d0 = meterB.snapshot();
      SyncReport d = b.sync();
      assertThat(d.success()).as(d.toString()).isTrue();
      assertThat(d.pushed()).isEqualTo(50);
      WireMeter.Snapshot ds = meterB.snapshot().minus(d0);
      initial.row(
          "a day's sync: 50 visits, round trips",
          Long.toString(ds.requests()),
          BenchReport.target("≤ 2", ds.requests() <= 2),
          "",
          "");
      initial.row(
          "a day's sync: bytes sent / received (gzip, with headers)",
          BenchReport.num(ds.sent(), 0) + " B / " + BenchReport.num(ds.received(), 0) + " B");
      linkRows(links, "a day's sync (50 visits)", ds);

      b.followUps().record(patientIds.get(60), VillageData.hypertensionVisit(random, day));
      WireMeter.Snapshot o0 = meterB.snapshot();
      SyncReport o = b.sync();
      assertThat(o.success()).as(o.toString()).isTrue();
      WireMeter.Snapshot os = meterB.snapshot().minus(o0);
      initial.row(
          "one visit: round trips, bytes sent / received",
          os.requests()
              + ", "
              + BenchReport.num(os.sent(), 0)
              + " B / "
              + BenchReport.num(os.received(), 0)
              + " B");
      linkRows(links, "one visit", os);
      initial.row(
          "one visit: of which HTTP headers, sent / received",
          os.headerSent() + " B / " + os.headerReceived() + " B");
    }
  }

  private static void pushRow(
      BenchReport.Section section, String what, WireMeter.Snapshot s, int records, SyncReport r) {
    double gz = (double) s.sent() / records;
    double raw = (double) s.rawSent() / records;
    section.row(
        what + ": sent per record, gzip (with headers) / raw",
        String.format(Locale.ROOT, "%.0f B / %.0f B", gz, raw),
        "",
        "",
        "");
    section.row(
        what + ": answer per record, gzip (with headers) / raw",
        String.format(
            Locale.ROOT,
            "%.0f B / %.0f B, %d round trips",
            (double) s.received() / records,
            (double) s.rawReceived() / records,
            s.requests()));
  }

  private static void baselineRow(
      BenchReport.Section section, String what, List<JsonObject> records) {
    section.row(
        "baseline: " + records.size() + " " + what + " as pushed, by column, gzip",
        String.format(
            Locale.ROOT,
            "%.0f B per record",
            (double) Columnar.gzippedBytes(records) / records.size()));
  }

  /** The mutations' payloads of the requests {@code bodies}. */
  private static List<JsonObject> payloads(List<JsonElement> bodies) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement body : bodies) {
      JsonArray mutations = body.getAsJsonObject().getAsJsonArray("mutations");
      for (JsonElement m : mutations) {
        out.add(m.getAsJsonObject());
      }
    }
    return out;
  }

  /** Pulls the village at pages of 1, 50 and 500 with a bare device of doc1. */
  private void pullRows(BenchReport.Section section, String url) throws Exception {
    String token = auth.login("doc1");
    for (boolean compact : new boolean[] {false, true}) {
      pullRows(section, url, token, compact);
    }
  }

  private void pullRows(BenchReport.Section section, String url, String token, boolean compact)
      throws Exception {
    // Tablets before the compact form asked for pages of at most 512 KiB; now 2 MiB.
    String form = compact ? "compact, 2 MiB pages" : "full form, 512 KiB pages";
    for (int limit : new int[] {1, 50, 500}) {
      WireMeter meter = new WireMeter();
      Api api = new Api(http(meter), HttpUrl.get(url));
      DeviceRequest device = new DeviceRequest();
      device.deviceId = UUID.randomUUID();
      device.appVersion = "bench";
      Answer registered = api.post("api/v1/devices", device, token, false, true);
      assertThat(registered.status).isEqualTo(200);
      int maxPages = limit == 1 ? 100 : limit == 50 ? 20 : Integer.MAX_VALUE;
      long[] bytes = new long[2];
      long[] raw = new long[2];
      int[] records = new int[2];
      int[] pages = new int[2];
      List<JsonObject> patientData = new ArrayList<>();
      List<JsonObject> followUpData = new ArrayList<>();
      JsonElement cursor = null;
      int followUpPages = 0;
      for (int page = 0; ; page++) {
        SyncRequest request = new SyncRequest();
        request.deviceId = device.deviceId;
        request.cursor = cursor;
        request.schemaVersion = 1;
        request.appVersion = "bench";
        request.clientTime = java.time.Instant.now();
        request.mutations = List.of();
        // The patients come first in the feed: at small pages, skip them with one page of 500.
        boolean skipping = limit < 500 && page == 0;
        request.pullLimit = skipping ? 500 : limit;
        request.pullMaxBytes = compact ? 2 * 1024 * 1024 : 512 * 1024;
        request.compactChanges = compact;
        WireMeter.Snapshot before = meter.snapshot();
        Answer a = api.post("api/v1/sync", request, token, true, true);
        assertThat(a.status).isEqualTo(200);
        WireMeter.Snapshot s = meter.snapshot().minus(before);
        JsonObject body = a.body.getAsJsonObject();
        JsonArray changes = body.getAsJsonArray("changes");
        int kind = -1;
        for (JsonElement c : changes) {
          String type = c.getAsJsonObject().get("type").getAsString();
          int k = type.equals("PATIENT") ? 0 : type.equals("FOLLOW_UP") ? 1 : 2;
          kind = kind == -1 || kind == k ? k : 2;
          if (limit == 500 && k == 0) {
            patientData.add(c.getAsJsonObject().getAsJsonObject("data"));
          } else if (limit == 500 && k == 1 && followUpData.size() < 500) {
            followUpData.add(c.getAsJsonObject().getAsJsonObject("data"));
          }
        }
        if (kind == 0 || kind == 1) {
          bytes[kind] += s.received();
          raw[kind] += s.rawReceived();
          records[kind] += changes.size();
          pages[kind]++;
        }
        cursor = body.get("nextCursor");
        if (kind == 1) {
          followUpPages++;
        }
        if (!body.get("hasMore").getAsBoolean() || followUpPages >= maxPages) {
          break;
        }
      }
      String[] names = {"patient", "follow-up"};
      for (int k = 0; k < 2; k++) {
        if (records[k] == 0 || (limit < 500 && k == 0)) {
          continue;
        }
        double gz = (double) bytes[k] / records[k];
        boolean full = limit == 500 && k == 1;
        section.row(
            String.format(
                Locale.ROOT,
                "%s, %s, page %d: per record, gzip (with headers) / raw",
                names[k],
                form,
                limit),
            String.format(
                Locale.ROOT,
                "%.0f B / %.0f B (%d pages)",
                gz,
                (double) raw[k] / records[k],
                pages[k]),
            full ? BenchReport.target("≤ 200 B", gz <= 200) : "",
            "",
            "");
      }
      if (limit == 500) {
        double base = (double) Columnar.gzippedBytes(followUpData) / followUpData.size();
        section.row(
            "follow-up, " + form + ", page 500, vs the same 500 records by column, gzip",
            String.format(Locale.ROOT, "%.0f B", (double) bytes[1] / records[1]),
            "",
            String.format(Locale.ROOT, "%.0f B per record", base),
            BenchReport.ratio((double) bytes[1] / records[1], base));
        double pbase = (double) Columnar.gzippedBytes(patientData) / patientData.size();
        section.row(
            "patient, " + form + ", page 500, vs the same records by column, gzip",
            String.format(Locale.ROOT, "%.0f B", (double) bytes[0] / records[0]),
            "",
            String.format(Locale.ROOT, "%.0f B per record", pbase),
            BenchReport.ratio((double) bytes[0] / records[0], pbase));
        WireMeter.Snapshot all = meter.snapshot();
        section.row(
            "whole feed, " + form + ": server time (request → answer headers), round trips",
            String.format(Locale.ROOT, "%.2f s, %d", all.serverNanos() / 1e9, all.requests() - 1));
        // Every byte of the session (the patients' pages, the follow-ups', any page mixing them).
        long perPatient = all.received() / VillageData.PATIENTS;
        section.row(
            "per patient (its record and ~20 follow-ups), " + form + ", page 500, gzip",
            perPatient + " B");
        if (System.getProperty("suifang.bench.dump") != null) {
          java.nio.file.Files.writeString(
              new File(System.getProperty("suifang.bench.dump")).toPath(),
              followUpData.get(0).toString() + "\n" + patientData.get(0).toString() + "\n");
        }
      }
    }
  }

  private static void linkRows(BenchReport.Section section, String what, WireMeter.Snapshot s) {
    StringBuilder figure = new StringBuilder();
    for (LinkProfile link : LinkProfile.values()) {
      if (figure.length() > 0) {
        figure.append(", ");
      }
      figure
          .append(link.label)
          .append(' ')
          .append(link.format(s.sent(), s.received(), s.requests()));
    }
    section.row(
        what
            + " ("
            + BenchReport.num(s.sent(), 0)
            + " B up, "
            + BenchReport.num(s.received(), 0)
            + " B down, "
            + s.requests()
            + " round trips)",
        figure.toString());
  }

  private static OkHttpClient http(WireMeter meter) {
    return new OkHttpClient.Builder()
        .addInterceptor(meter.interceptor())
        .eventListenerFactory(meter.events())
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(120, TimeUnit.SECONDS)
        .build();
  }

  private static SuifangClient tablet(String url, File dir, WireMeter meter, String name)
      throws Exception {
    return SuifangClient.newBuilder()
        .serverUrl(url)
        .dataDirectory(dir)
        .okHttpClient(http(meter))
        .appVersion("0.3.0-bench")
        .device("JVM", name)
        .maxAttempts(3)
        .mutationRetention(Duration.ofDays(90))
        .build();
  }
}
