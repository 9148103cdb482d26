package org.suifang.client.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.suifang.client.internal.Json;
import org.suifang.client.internal.net.ChangeWire;
import org.suifang.client.internal.net.SyncResponse;
import org.suifang.client.internal.store.InMemoryStore;

/**
 * P5 resumability (sync-design.md §7, PowerSync's r(B[..n]) = r(r(B[..c]) ∪ B[c+1..n])): for a
 * random change feed split into random pages (never inside one change seq), delivered with repeated
 * pages, crashes before a page's commit, reopenings from the store and compactions, the final state
 * equals applying the whole feed as one page.
 */
class PullResumabilityProperties {
  private static final UUID DEVICE = UUID.fromString("0193a000-0000-4000-8000-00000000d001");
  private static final Instant AT = Instant.parse("2026-11-20T02:00:00Z");

  /** One generated change: what kind, which record, which value, same seq as the one before. */
  static final class Spec {
    final int kind;
    final int record;
    final int value;
    final boolean sameSeq;

    Spec(int kind, int record, int value, boolean sameSeq) {
      this.kind = kind;
      this.record = record;
      this.value = value;
      this.sameSeq = sameSeq;
    }

    @Override
    public String toString() {
      return "Spec{" + kind + "/" + record + "=" + value + (sameSeq ? ",same" : "") + "}";
    }
  }

  /** What happens to a delivered page. */
  enum Fate {
    APPLIED,
    APPLIED_TWICE,
    CRASH_BEFORE_COMMIT,
    REOPEN_AFTER_COMMIT,
    COMPACT_AFTER_COMMIT
  }

  @Property(tries = 300)
  void pagedWithInterruptions_equalsOnePage(
      @ForAll("feeds") @Size(min = 1, max = 40) List<Spec> specs,
      @ForAll @Size(max = 40) List<Boolean> cuts,
      @ForAll @Size(max = 40) List<Fate> fates,
      @ForAll @IntRange(min = 1, max = 6) int maxPerPage)
      throws IOException {
    List<List<ChangeWire>> groups = feed(specs);
    List<ChangeWire> all = new ArrayList<>();
    for (List<ChangeWire> g : groups) {
      all.addAll(g);
    }
    long head = groups.get(groups.size() - 1).get(0).seq;

    ClientState oracle = fresh(new InMemoryStore());
    oracle.apply(Tx.roundTrip(DEVICE, page(all, head, false), 0, AT));

    InMemoryStore store = new InMemoryStore();
    ClientState state = fresh(store);
    int step = 0;
    int attempts = 0;
    boolean crashedLast = false;
    while (true) {
      assertThat(++attempts).as("pages make progress").isLessThan(1000);
      long cursor = state.cursorSeq();
      List<ChangeWire> rows = new ArrayList<>();
      int groupsInPage = 0;
      int g = 0;
      while (g < groups.size() && groups.get(g).get(0).seq <= cursor) {
        g++;
      }
      for (; g < groups.size(); g++) {
        rows.addAll(groups.get(g));
        groupsInPage++;
        boolean cut = cuts.isEmpty() ? false : cuts.get((step + g) % cuts.size());
        if (cut || groupsInPage >= maxPerPage) {
          g++;
          break;
        }
      }
      boolean hasMore = g < groups.size();
      long next = rows.isEmpty() ? cursor : rows.get(rows.size() - 1).seq;
      Tx tx = Tx.roundTrip(DEVICE, page(rows, hasMore ? next : head, hasMore), 0, AT);
      Fate fate = fates.isEmpty() ? Fate.APPLIED : fates.get(step % fates.size());
      step++;
      if (fate == Fate.CRASH_BEFORE_COMMIT && !crashedLast) {
        // The page is lost with the crash; the reopened client asks again from its cursor.
        crashedLast = true;
        state = replay(store);
        continue;
      }
      crashedLast = false;
      commit(store, state, tx);
      if (fate == Fate.APPLIED_TWICE) {
        commit(store, state, tx);
      } else if (fate == Fate.REOPEN_AFTER_COMMIT) {
        state = replay(store);
      } else if (fate == Fate.COMPACT_AFTER_COMMIT) {
        store.compact(state.snapshot());
        state = replay(store);
      }
      if (!hasMore) {
        break;
      }
    }

    assertThat(content(state)).isEqualTo(content(oracle));
    assertThat(content(replay(store))).isEqualTo(content(oracle));
  }

  @Provide
  Arbitrary<List<Spec>> feeds() {
    Arbitrary<Spec> spec =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 99),
                Arbitraries.of(false, false, true))
            .as(Spec::new);
    return spec.list();
  }

  /** The change feed, grouped by change seq; a record appears at most once per seq. */
  private static List<List<ChangeWire>> feed(List<Spec> specs) {
    List<List<ChangeWire>> groups = new ArrayList<>();
    long seq = 0;
    Set<String> inGroup = new HashSet<>();
    for (Spec s : specs) {
      if (!s.sameSeq || groups.isEmpty()) {
        seq += 1 + s.value % 3;
        groups.add(new ArrayList<ChangeWire>());
        inGroup.clear();
      }
      ChangeWire c = change(s, seq);
      if (inGroup.add(c.type + c.id)) {
        groups.get(groups.size() - 1).add(c);
      }
    }
    return groups;
  }

  private static ChangeWire change(Spec s, long seq) {
    ChangeWire c = new ChangeWire();
    c.seq = seq;
    JsonObject data = new JsonObject();
    switch (s.kind) {
      case 0:
      case 1:
        c.type = "PATIENT";
        c.id = id('p', s.record);
        data.addProperty("id", c.id.toString());
        data.addProperty("name", "患者" + s.value);
        data.addProperty("sex", s.value % 2 == 0 ? "MALE" : "FEMALE");
        data.addProperty("birthDate", "1950-01-0" + (1 + s.value % 9));
        data.addProperty("villageCode", "130123100201");
        data.addProperty("hypertensionDiagnosedOn", "2015-01-01");
        JsonObject versions = new JsonObject();
        JsonObject v = new JsonObject();
        v.addProperty("hlc", (1_700_000_000_000L << 16) + seq);
        v.addProperty("deviceId", DEVICE.toString());
        versions.add("name", v);
        data.add("versions", versions);
        data.addProperty("inScope", s.kind == 0);
        break;
      case 2:
        c.type = "FOLLOW_UP";
        c.id = id('v', s.record);
        data.addProperty("id", c.id.toString());
        data.addProperty("patientId", id('p', s.record % 3).toString());
        data.addProperty("disease", "HYPERTENSION");
        data.addProperty("visitDate", "2026-0" + (1 + s.value % 9) + "-15");
        data.addProperty("mode", s.value % 4 == 0 ? "PHONE" : "CLINIC");
        JsonArray symptoms = new JsonArray();
        symptoms.add("NONE");
        data.add("symptoms", symptoms);
        data.addProperty("systolic", 100 + s.value);
        JsonObject assessment = new JsonObject();
        assessment.addProperty("ruleSetId", "bphs-2017");
        assessment.addProperty("classification", s.value % 2 == 0 ? "CONTROLLED" : "UNCONTROLLED");
        assessment.addProperty("nextDueDate", "2026-12-01");
        data.add("assessment", assessment);
        if (s.value % 5 == 0) {
          data.addProperty("voidedAt", "2026-11-01T00:00:00Z");
        }
        if (s.record > 0 && s.value % 7 == 0) {
          data.addProperty("amends", id('v', s.record - 1).toString());
        }
        break;
      default:
        c.type = "CONFLICT";
        c.id = id('c', s.record);
        data.addProperty("id", c.id.toString());
        data.addProperty("patientId", id('p', s.record % 3).toString());
        data.addProperty("field", "phone");
        data.addProperty("status", s.value % 2 == 0 ? "OPEN" : "RESOLVED");
        break;
    }
    c.data = data;
    return c;
  }

  private static UUID id(char kind, int n) {
    return UUID.fromString(
        String.format(
            "0193a000-0000-7000-8000-%s%011d", kind == 'p' ? "a" : kind == 'v' ? "b" : "c", n));
  }

  private static SyncResponse page(List<ChangeWire> rows, long cursorSeq, boolean hasMore) {
    SyncResponse r = new SyncResponse();
    r.results = new ArrayList<>();
    r.changes = rows;
    JsonObject cursor = new JsonObject();
    cursor.addProperty("epoch", "e");
    cursor.addProperty("seq", cursorSeq);
    cursor.addProperty("scope", "s");
    r.nextCursor = cursor;
    r.hasMore = hasMore;
    r.serverHlc = 5L;
    return r;
  }

  private static ClientState fresh(InMemoryStore store) throws IOException {
    ClientState s = ClientState.empty();
    commit(store, s, Tx.init(DEVICE, AT));
    return s;
  }

  /** As ClientCore.commit: durable first, then applied. */
  private static void commit(InMemoryStore store, ClientState state, Tx tx) throws IOException {
    store.commit(ClientState.serialize(tx));
    state.apply(tx);
  }

  /** As ClientCore.open: the snapshot, then every transaction after it. */
  private static ClientState replay(InMemoryStore store) {
    InMemoryStore reopened = store.reopen();
    byte[] snapshot = reopened.snapshot();
    ClientState s = snapshot == null ? ClientState.empty() : ClientState.fromSnapshot(snapshot);
    for (byte[] t : reopened.transactions()) {
      s.apply(ClientState.deserialize(t));
    }
    return s;
  }

  /** The pulled content, independent of insertion order. */
  private static Map<String, String> content(ClientState s) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<UUID, PatientData> e : s.serverPatients().entrySet()) {
      out.put("patient " + e.getKey(), Json.GSON.toJson(e.getValue()));
    }
    for (Map.Entry<UUID, VisitData> e : s.serverVisits().entrySet()) {
      out.put("visit " + e.getKey(), Json.GSON.toJson(e.getValue()));
    }
    for (Map.Entry<UUID, ConflictData> e : s.conflicts().entrySet()) {
      out.put("conflict " + e.getKey(), Json.GSON.toJson(e.getValue()));
    }
    for (PatientData p : s.read().patients()) {
      out.put("shown " + p.id, String.valueOf(s.read().visitsOf(p.id).size()));
    }
    out.put("cursor", String.valueOf(s.cursor()));
    out.put("hlc", Long.toString(s.hlc()));
    return out;
  }
}
