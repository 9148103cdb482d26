package org.suifang.server.sim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.suifang.client.GlucoseSpecimen;
import org.suifang.client.ManagementStatus;
import org.suifang.client.Medication;
import org.suifang.client.MedicationAdherence;
import org.suifang.client.Patient;
import org.suifang.client.PatientQuery;
import org.suifang.client.PatientRegistration;
import org.suifang.client.PatientUpdate;
import org.suifang.client.Rejection;
import org.suifang.client.SuifangAuthException;
import org.suifang.client.SuifangException;
import org.suifang.client.SuifangValidationException;
import org.suifang.client.SyncReport;
import org.suifang.client.Visit;
import org.suifang.client.VisitForm;
import org.suifang.client.VisitState;
import org.suifang.client.internal.FieldVersion;
import org.suifang.client.internal.state.OutboxEntry;
import org.suifang.client.internal.state.PatientData;
import org.suifang.rules.DiabetesSymptom;
import org.suifang.rules.Disease;
import org.suifang.rules.HypertensionSymptom;
import org.suifang.rules.ResidentId;
import org.suifang.rules.VisitMode;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;

/**
 * One deterministic simulation run (docs/reliability.md#deterministic-simulation): the real server
 * and several real {@code SuifangClient} tablets in this JVM, driven one event at a time by one
 * {@link Random} seeded with the run's seed. Events are doctors' work (register, record, amend,
 * void, edit, change status, register a duplicate), sync steps with network faults, client crashes
 * at named crash points with torn journal tails, server restarts, clock jumps, partitions, a
 * restore from an older backup with an epoch change, and a cloned tablet. The run ends with heal,
 * quiesce and the invariant checks P1-P14; P7-P9 are also checked after every sync step.
 *
 * <p>Everything the history records is free of wall-clock time and of random ids (ids are named by
 * the order they were first seen), so two runs of one seed produce the same history and hash.
 */
final class Simulation {
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String DOC1B = "doc1b";

  /** Kinds of fault counted in the summary. */
  static final List<String> FAULT_KINDS =
      List.of(
          "DROP_BEFORE_SEND",
          "DROP_AFTER_COMMIT",
          "CUT_RESPONSE_BODY",
          "DUPLICATE",
          "DELAY",
          "LATE_DELIVERY",
          "CRASH_AFTER_LOCAL_WRITE",
          "CRASH_BEFORE_REQUEST_SENT",
          "CRASH_AFTER_SERVER_COMMIT_BEFORE_RESPONSE",
          "CRASH_MID_RESPONSE_BODY",
          "CRASH_AFTER_RESPONSE_BEFORE_APPLY",
          "SERVER_RESTART",
          "CLOCK_JUMP",
          "PARTITION",
          "RESTORE_FROM_BACKUP",
          "CLONED_TABLET");

  /** What a run produced. */
  record Result(
      long seed,
      SimConfig config,
      List<String> history,
      String hash,
      List<String> violations,
      Map<String, Integer> faults,
      int operations,
      int recordsLost,
      int recordsDuplicated,
      int quiesceRounds,
      int spuriousConflicts) {}

  /** A successful local write, as the oracle remembers it. */
  private record LocalOp(
      SimTablet tablet,
      String kind,
      UUID mutationId,
      UUID recordId,
      UUID patientId,
      String detail,
      int event) {}

  /** A patient the doctors know of (so that a duplicate can be registered). */
  private record Person(
      String name, LocalDate born, String residentId, String village, boolean diabetes) {}

  private final long seed;
  private final SimConfig config;
  private final File workDir;
  private final Random random;
  private final Instant start;
  private Instant world;
  private SimServer server;
  private final OkHttpClient plain =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final List<SimTablet> tablets = new ArrayList<>();
  private final Map<SimTablet, UUID> ownerOf = new HashMap<>();
  private final List<String> history = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final Map<String, Integer> faults = new TreeMap<>();
  private final Map<UUID, String> labels = new HashMap<>();
  private final Map<String, Integer> labelCounts = new HashMap<>();
  private final List<LocalOp> ops = new ArrayList<>();
  private final List<UUID> patients = new ArrayList<>();
  private final Map<UUID, Person> people = new HashMap<>();
  private final Map<UUID, SimTablet> patientOwner = new HashMap<>();
  private final Map<UUID, List<UUID>> visitsOf = new LinkedHashMap<>();
  private final Map<UUID, VisitForm> recordedForms = new HashMap<>();
  private final Map<String, FieldVersion> seenVersions = new HashMap<>();
  private final Map<SimTablet, Instant> seenReset = new HashMap<>();
  private final Map<SimTablet, Integer> opsAfterClone = new HashMap<>();
  private SimTablet cloneParent;
  private SimTablet clone;
  private String backup;
  private boolean restored;
  private int event;
  private int operations;
  private int spuriousConflicts;
  private final Map<String, Long> timings = new TreeMap<>();

  Simulation(long seed, SimConfig config, File workDir) {
    this.seed = seed;
    this.config = config;
    this.workDir = workDir;
    this.random = new Random(seed);
    // Server tokens are checked against the real time, so simulated time starts now (whole
    // minutes) and moves on by minutes per event; nothing the history records depends on it.
    this.start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    this.world = start;
  }

  Result run() throws Exception {
    long startNanos = System.nanoTime();
    server = new SimServer("sim-" + seed + "-" + System.nanoTime(), workDir);
    try {
      server.start(world);
      server
          .auth()
          .createUser(UserCommand.doctor(DOC1B, "周医生", TestAuth.PASSWORD, TestArea.VILLAGE_1));
      for (int i = 0; i < config.tablets(); i++) {
        // Two doctors share village 1 (each on one or two tablets); doc2 works in village 2.
        String doctor = i == 2 ? "doc2" : (i % 2 == 0 ? "doc1" : DOC1B);
        SimTablet t = newTablet("t" + i, doctor, new File(workDir, "t" + i));
        t.open();
        t.client().login(doctor, TestAuth.PASSWORD);
        label(t.client().deviceId(), "D");
        if (config.skewedClocks()) {
          t.clock.setOffset(Duration.ofMinutes(random.nextInt(2 * 1_051_200) - 1_051_200L));
        }
        tablets.add(t);
        seenReset.put(t, null);
        log("%s opens for %s (clock %s)", t.name, doctor, t.clock.offset());
      }
      long setUp = System.nanoTime();
      for (event = 1; event <= config.events(); event++) {
        world = world.plusSeconds(1 + random.nextInt(600));
        server.setTime(world);
        long before = System.nanoTime();
        step();
        timings.merge(
            history.get(history.size() - 1).replaceAll("^e\\d+ (t\\d+ )?", "").split("[ :]")[0],
            System.nanoTime() - before,
            Long::sum);
      }
      long events = System.nanoTime();
      heal();
      int rounds = quiesce();
      long quiesced = System.nanoTime();
      int[] lostAndDuplicated = checkInvariants();
      long checked = System.nanoTime();
      if (Boolean.getBoolean("suifang.sim.timings")) {
        System.out.printf(
            "seed %d: setup %d ms, events %d ms %s, quiesce %d ms, checks %d ms%n",
            seed,
            (setUp - startNanos) / 1_000_000,
            (events - setUp) / 1_000_000,
            timings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue() / 1_000_000)
                .toList(),
            (quiesced - events) / 1_000_000,
            (checked - quiesced) / 1_000_000);
      }
      return new Result(
          seed,
          config,
          List.copyOf(history),
          hash(history),
          List.copyOf(violations),
          Map.copyOf(faults),
          operations,
          lostAndDuplicated[0],
          lostAndDuplicated[1],
          rounds,
          spuriousConflicts);
    } finally {
      for (SimTablet t : tablets) {
        t.close();
      }
      server.close();
    }
  }

  private SimTablet newTablet(String name, String doctor, File dir) {
    SimNetwork network = new SimNetwork(() -> server.port(), plain);
    return new SimTablet(name, doctor, dir, () -> world, network, seed * 1_000 + name.hashCode());
  }

  // ---------------------------------------------------------------- the scheduler

  private void step() throws Exception {
    SimTablet t = tablets.get(random.nextInt(tablets.size()));
    int roll = random.nextInt(1000);
    boolean f = config.faults();
    if (roll < 130) {
      register(t, false);
    } else if (roll < 160) {
      register(t, true);
    } else if (roll < 330) {
      recordVisit(t);
    } else if (roll < 380) {
      amend(t);
    } else if (roll < 420) {
      voidVisit(t);
    } else if (roll < 520) {
      edit(t);
    } else if (roll < 550) {
      changeStatus(t);
    } else if (roll < 570 && f) {
      // A local write, then the tablet dies: the files on disk are all it keeps.
      recordVisit(t);
      crashAfterLocalWrite(t);
    } else if (roll < 860) {
      syncStep(t, f && random.nextInt(100) < 40);
    } else if (roll < 868 && f) {
      // Rarer than the rest: a restart costs a second of real time.
      restartServer();
    } else if (roll < 880) {
      syncStep(t, false);
    } else if (roll < 905 && f) {
      clockJump(t);
    } else if (roll < 935 && f) {
      partition(t);
    } else if (roll < 950 && f) {
      backupOrRestore();
    } else if (roll < 958 && f && clone == null) {
      cloneTablet(t);
    } else if (roll < 990 && f) {
      lateDelivery(t);
    } else {
      syncStep(t, false);
    }
  }

  private void log(String format, Object... args) {
    history.add("e" + event + " " + String.format(format, args));
  }

  private void fault(String kind) {
    faults.merge(kind, 1, Integer::sum);
  }

  /** Names an id by the order it was first seen, so the history has no random ids. */
  private String label(UUID id, String prefix) {
    if (id == null) {
      return "null";
    }
    return labels.computeIfAbsent(id, k -> prefix + labelCounts.merge(prefix, 1, Integer::sum));
  }

  private String l(UUID id) {
    return id == null ? "null" : labels.getOrDefault(id, "?");
  }

  private LocalDate worldToday() {
    return LocalDate.ofInstant(world, CHINA);
  }

  // ---------------------------------------------------------------- doctors' work

  private void register(SimTablet t, boolean duplicate) {
    String village = village(t);
    Person person;
    if (duplicate) {
      List<UUID> same = new ArrayList<>();
      for (UUID p : patients) {
        if (people.get(p).village().equals(village)) {
          same.add(p);
        }
      }
      if (same.isEmpty()) {
        log("%s duplicate: no one to duplicate", t.name);
        return;
      }
      person = people.get(same.get(random.nextInt(same.size())));
    } else {
      LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 40));
      boolean male = random.nextBoolean();
      int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
      String first17 =
          "130123" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
      String[] names = {"王建国", "李秀英", "张桂兰", "刘德明", "陈玉梅", "杨志强", "赵淑珍", "黄国华"};
      person =
          new Person(
              names[random.nextInt(names.length)],
              born,
              first17 + ResidentId.checkCharacter(first17),
              village,
              random.nextInt(3) == 0);
    }
    PatientRegistration.Builder b =
        PatientRegistration.newBuilder()
            .name(person.name())
            .residentId(person.residentId())
            .phone(phone())
            .villageCode(village)
            .address("东关村" + (1 + random.nextInt(9)) + "组" + (1 + random.nextInt(40)) + "号")
            .heightCm(new BigDecimal(150 + random.nextInt(40)))
            .condition(Disease.HYPERTENSION, LocalDate.of(2015, 6, 1));
    if (person.diabetes()) {
      b.condition(Disease.DIABETES, LocalDate.of(2018, 3, 1));
    }
    try {
      Patient p = t.client().patients().register(b.build());
      label(p.id(), "P");
      patients.add(p.id());
      people.put(p.id(), person);
      patientOwner.put(p.id(), t);
      visitsOf.put(p.id(), new ArrayList<>());
      recordOp(t, duplicate ? "register-duplicate" : "register", p.id(), p.id(), person.name());
    } catch (SuifangException e) {
      failed(t, duplicate ? "register-duplicate" : "register", e);
    }
  }

  private String phone() {
    return "138" + String.format("%08d", random.nextInt(100_000_000));
  }

  private String village(SimTablet t) {
    return t.doctor.equals("doc2") ? TestArea.VILLAGE_2 : TestArea.VILLAGE_1;
  }

  /** A patient on the tablet, or null; in owner mode only the tablet's own for edits. */
  private UUID pickPatient(SimTablet t, boolean forEdit) {
    List<UUID> mine = new ArrayList<>();
    for (UUID p : patients) {
      if (forEdit && config.ownerMode() && patientOwner.get(p) != t) {
        continue;
      }
      Patient local = t.client().patients().find(p);
      if (local != null && local.id().equals(p)) {
        mine.add(p);
      }
    }
    return mine.isEmpty() ? null : mine.get(random.nextInt(mine.size()));
  }

  private VisitForm form(Patient p) {
    LocalDate date = worldToday().minusDays(random.nextInt(20));
    if (p.has(Disease.DIABETES) && random.nextBoolean()) {
      return VisitForm.newBuilder()
          .disease(Disease.DIABETES)
          .visitDate(date)
          .mode(VisitMode.CLINIC)
          .symptoms(DiabetesSymptom.NONE)
          .bloodPressure(110 + random.nextInt(50), 65 + random.nextInt(30))
          .fastingGlucose(new BigDecimal(4 + random.nextInt(8) + "." + random.nextInt(10)))
          .glucoseSpecimen(GlucoseSpecimen.CAPILLARY)
          .build();
    }
    return VisitForm.newBuilder()
        .disease(Disease.HYPERTENSION)
        .visitDate(date)
        .mode(VisitMode.CLINIC)
        .symptoms(HypertensionSymptom.NONE)
        .bloodPressure(110 + random.nextInt(70), 65 + random.nextInt(40))
        .heartRate(60 + random.nextInt(40))
        .weightKg(new BigDecimal(50 + random.nextInt(40) + ".0"))
        .medicationAdherence(MedicationAdherence.REGULAR)
        .medications(Medication.oral("苯磺酸氨氯地平片", 1, new BigDecimal("5")))
        .build();
  }

  private void recordVisit(SimTablet t) {
    UUID pid = pickPatient(t, false);
    if (pid == null) {
      log("%s record: no patient", t.name);
      return;
    }
    try {
      Patient p = t.client().patients().get(pid);
      Visit v = t.client().followUps().record(pid, form(p));
      label(v.id(), "V");
      visitsOf.get(pid).add(v.id());
      recordedForms.put(v.id(), v.form());
      recordOp(t, "record", v.id(), pid, v.disease() + " " + bp(v.form()));
    } catch (SuifangException e) {
      failed(t, "record " + l(pid), e);
    }
  }

  private static String bp(VisitForm f) {
    return f.systolic() + "/" + f.diastolic();
  }

  /** A current visit on the tablet of one of its patients, or null. */
  private Visit pickVisit(SimTablet t) {
    UUID pid = pickPatient(t, false);
    if (pid == null) {
      return null;
    }
    try {
      List<Visit> current = new ArrayList<>();
      for (Visit v : t.client().followUps().history(pid)) {
        if (v.state() == VisitState.CURRENT) {
          current.add(v);
        }
      }
      current.sort((a, b) -> l(a.id()).compareTo(l(b.id())));
      return current.isEmpty() ? null : current.get(random.nextInt(current.size()));
    } catch (SuifangException e) {
      return null;
    }
  }

  private void amend(SimTablet t) {
    Visit v = pickVisit(t);
    if (v == null) {
      log("%s amend: no visit", t.name);
      return;
    }
    try {
      VisitForm corrected =
          v.form().toBuilder()
              .id(null)
              .bloodPressure(110 + random.nextInt(70), 65 + random.nextInt(40))
              .build();
      Visit a = t.client().followUps().amend(v.id(), "录入错误", corrected);
      label(a.id(), "V");
      visitsOf.get(v.patientId()).add(a.id());
      recordedForms.put(a.id(), a.form());
      recordOp(t, "amend", a.id(), v.patientId(), l(v.id()) + " -> " + bp(a.form()));
    } catch (SuifangException e) {
      failed(t, "amend " + l(v.id()), e);
    }
  }

  private void voidVisit(SimTablet t) {
    Visit v = pickVisit(t);
    if (v == null) {
      log("%s void: no visit", t.name);
      return;
    }
    try {
      t.client().followUps().voidVisit(v.id(), "重复录入");
      recordOp(t, "void", v.id(), v.patientId(), l(v.id()));
    } catch (SuifangException e) {
      failed(t, "void " + l(v.id()), e);
    }
  }

  private void edit(SimTablet t) {
    UUID pid = pickPatient(t, true);
    if (pid == null) {
      log("%s edit: no patient", t.name);
      return;
    }
    PatientUpdate.Builder u = PatientUpdate.newBuilder();
    String what;
    switch (random.nextInt(3)) {
      case 0 -> {
        String phone = phone();
        u.phone(phone);
        what = "phone=" + phone;
      }
      case 1 -> {
        String address = "东关村" + (1 + random.nextInt(9)) + "组" + (1 + random.nextInt(40)) + "号";
        u.address(address);
        what = "address=" + address;
      }
      default -> {
        String name = people.get(pid).name() + (random.nextBoolean() ? "" : "甲");
        u.name(name);
        what = "name=" + name;
      }
    }
    try {
      t.client().patients().update(pid, u.build());
      recordOp(t, "edit", pid, pid, what);
    } catch (SuifangException e) {
      failed(t, "edit " + l(pid), e);
    }
  }

  private void changeStatus(SimTablet t) {
    UUID pid = pickPatient(t, true);
    if (pid == null) {
      log("%s status: no patient", t.name);
      return;
    }
    ManagementStatus s =
        random.nextBoolean() ? ManagementStatus.ACTIVE : ManagementStatus.LOST_TO_FOLLOW_UP;
    try {
      t.client().patients().changeStatus(pid, s, null, worldToday(), null);
      recordOp(t, "status", pid, pid, s.name());
    } catch (SuifangException e) {
      failed(t, "status " + l(pid), e);
    }
  }

  private void recordOp(SimTablet t, String kind, UUID recordId, UUID patientId, String detail) {
    operations++;
    OutboxEntry last;
    synchronized (t.core().lock()) {
      List<OutboxEntry> outbox = t.core().state().outbox();
      last = outbox.isEmpty() ? null : outbox.get(outbox.size() - 1);
    }
    if (last == null || labels.containsKey(last.mutationId())) {
      // An edit that changes nothing sends nothing (Patients.update).
      log("%s %s %s (%s) ok, nothing changed", t.name, kind, l(recordId), detail);
      return;
    }
    label(last.mutationId(), "M");
    ops.add(new LocalOp(t, kind, last.mutationId(), recordId, patientId, detail, event));
    opsAfterClone.merge(t, 1, Integer::sum);
    log(
        "%s %s %s (%s) ok %s %s seq %d",
        t.name,
        kind,
        l(recordId),
        detail,
        l(last.mutationId()),
        label(t.client().deviceId(), "D"),
        last.seq());
  }

  private void failed(SimTablet t, String what, SuifangException e) {
    operations++;
    log(
        "%s %s refused locally: %s%s",
        t.name,
        what,
        e.code(),
        e instanceof SuifangValidationException v ? " " + v.fieldErrors() : "");
  }

  // ---------------------------------------------------------------- sync and faults

  private void syncStep(SimTablet t, boolean withFault) throws Exception {
    String armed = "";
    if (withFault) {
      SimNetwork.Fault[] all = SimNetwork.Fault.values();
      SimNetwork.Fault fault = all[random.nextInt(all.length)];
      int param = random.nextInt(2000);
      boolean second = random.nextBoolean();
      t.network.arm(fault, param, second);
      armed = " with " + fault;
    }
    UUID deviceBefore = t.client().deviceId();
    SyncReport r = t.client().sync();
    SimNetwork.Fault unused = t.network.disarm();
    List<String> netEvents = t.network.drainEvents();
    if (withFault && unused == null) {
      String kind = armed.substring(" with ".length());
      fault(kind);
    }
    UUID deviceAfter = t.client().deviceId();
    log(
        "%s sync%s: %s%s%s",
        t.name,
        unused != null ? "" : armed,
        describe(r),
        netEvents.isEmpty() ? "" : " " + netEvents,
        deviceAfter.equals(deviceBefore) ? "" : " new device id " + label(deviceAfter, "D"));
    if (Boolean.getBoolean("suifang.sim.debug")) {
      synchronized (t.core().lock()) {
        var st = t.core().state();
        List<String> sent = new ArrayList<>();
        for (OutboxEntry e : st.sent()) {
          sent.add(l(e.mutationId()) + "@" + e.seq() + "/" + l(e.ackedDeviceId));
        }
        List<String> out = new ArrayList<>();
        for (OutboxEntry e : st.outbox()) {
          out.add(l(e.mutationId()) + "@" + e.seq());
        }
        System.out.printf(
            "DEBUG e%d %s %s serverLastSeq=%d acked=%d lastDeviceSeq=%d outbox=%s sent=%s error=%s%n",
            event,
            t.name,
            l(st.deviceId()),
            st.serverLastSeq(),
            st.ackedThroughSeq(),
            st.lastDeviceSeq(),
            out,
            sent,
            r.error());
      }
    }
    if (t.crashPending()) {
      String outcome = t.finishCrash(random);
      checkCrash(t, outcome);
    } else if (!r.success() && r.error() instanceof SuifangAuthException) {
      relogin(t);
    }
    checkContinuous(t);
  }

  private String describe(SyncReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.success() ? "ok" : "failed " + r.error().code());
    sb.append(" pushed=").append(r.pushed()).append(" pulled=").append(r.pulled());
    if (!r.rejected().isEmpty()) {
      List<String> codes = new ArrayList<>();
      for (Rejection x : r.rejected()) {
        codes.add(l(x.recordId()) + ":" + x.code());
      }
      sb.append(" rejected=").append(codes);
    }
    if (r.conflicts() > 0) {
      sb.append(" conflicts=").append(r.conflicts());
    }
    if (r.resetHappened()) {
      sb.append(" RESET");
    }
    return sb.toString();
  }

  private void relogin(SimTablet t) {
    try {
      t.client().login(t.doctor, TestAuth.PASSWORD);
      log("%s logs in again", t.name);
    } catch (SuifangException e) {
      log("%s login failed: %s", t.name, e.code());
    }
  }

  private void checkCrash(SimTablet t, String outcome) {
    if (outcome.startsWith("MISMATCH")) {
      violation("%s reopened after a crash with another state than on disk: %s", t.name, outcome);
    }
    log("%s crashed and reopened (%s)", t.name, outcome.lines().findFirst().orElse(""));
  }

  private void crashAfterLocalWrite(SimTablet t) throws Exception {
    fault("CRASH_AFTER_LOCAL_WRITE");
    checkCrash(t, t.crashNow(random));
  }

  private void restartServer() {
    fault("SERVER_RESTART");
    server.stop();
    server.start(world);
    log("server restarted");
  }

  private void clockJump(SimTablet t) {
    fault("CLOCK_JUMP");
    Duration offset =
        random.nextInt(4) == 0
            ? Duration.ZERO
            : Duration.ofMinutes(random.nextInt(2 * 1_051_200) - 1_051_200L);
    t.clock.setOffset(offset);
    log("%s clock set %s off", t.name, offset);
  }

  private void partition(SimTablet t) {
    boolean on = !t.network.partitioned();
    if (on) {
      fault("PARTITION");
    }
    t.network.partition(on);
    log("%s %s", t.name, on ? "partitioned" : "reconnected");
  }

  private void backupOrRestore() throws SQLException {
    if (backup == null) {
      backup = server.backup(world);
      log("server backed up");
    } else if (!restored) {
      restored = true;
      fault("RESTORE_FROM_BACKUP");
      server.restore(backup, world);
      TestApi.Response r = server.api().post("admin1", "/api/v1/admin/sync/epoch", Map.of());
      if (r.status() != 200) {
        violation("epoch rotation answered %d: %s", r.status(), r.body());
      }
      log("server restored from the backup, epoch rotated");
    }
  }

  private void cloneTablet(SimTablet parent) throws Exception {
    fault("CLONED_TABLET");
    String name = "t" + tablets.size();
    File dir = new File(workDir, name);
    parent.copyFilesTo(dir);
    SimTablet c = newTablet(name, parent.doctor, dir);
    c.clock.setOffset(parent.clock.offset());
    c.open();
    tablets.add(c);
    seenReset.put(c, seenReset.get(parent));
    for (Map.Entry<String, FieldVersion> e : new ArrayList<>(seenVersions.entrySet())) {
      if (e.getKey().startsWith(parent.name + "/")) {
        seenVersions.put(name + e.getKey().substring(parent.name.length()), e.getValue());
      }
    }
    cloneParent = parent;
    clone = c;
    opsAfterClone.put(parent, 0);
    opsAfterClone.put(c, 0);
    log("%s cloned from %s", name, parent.name);
  }

  private void lateDelivery(SimTablet t) throws Exception {
    List<SimNetwork.Captured> delayed = t.network.delayed();
    if (delayed.isEmpty()) {
      syncStep(t, false);
      return;
    }
    SimNetwork.Captured c = delayed.remove(random.nextInt(delayed.size()));
    fault("LATE_DELIVERY");
    try (Response r = t.network.deliver(c)) {
      log("%s: a delayed request arrives late, answered %d", t.name, r.code());
      if (r.code() >= 500) {
        violation("a late request got %d: %s", r.code(), r.body() == null ? "" : r.body().string());
      }
    }
  }

  // ---------------------------------------------------------------- heal and quiesce

  private void heal() {
    for (SimTablet t : tablets) {
      t.network.partition(false);
      t.network.disarm();
    }
    // Requests still held back arrive now, late: after every newer push of their tablet.
    for (SimTablet t : tablets) {
      for (SimNetwork.Captured c : List.copyOf(t.network.delayed())) {
        try (Response r = t.network.deliver(c)) {
          fault("LATE_DELIVERY");
          log("heal: %s's delayed request arrives, answered %d", t.name, r.code());
          if (r.code() >= 500) {
            violation("a late request got %d", r.code());
          }
        } catch (IOException e) {
          violation("a late request failed: %s", e);
        }
      }
      t.network.delayed().clear();
    }
    log("healed");
  }

  /** Syncs every tablet until nothing moves; returns the rounds it took (P14). */
  private int quiesce() throws Exception {
    final int maxRounds = 8;
    for (int round = 1; round <= maxRounds; round++) {
      boolean quiet = true;
      for (SimTablet t : tablets) {
        UUID deviceBefore = t.client().deviceId();
        SyncReport r = t.client().sync();
        UUID deviceAfter = t.client().deviceId();
        log(
            "quiesce %d: %s %s%s",
            round,
            t.name,
            describe(r),
            deviceAfter.equals(deviceBefore) ? "" : " new device id " + label(deviceAfter, "D"));
        if (!r.success()) {
          quiet = false;
          if (r.error() instanceof SuifangAuthException) {
            relogin(t);
          }
          continue;
        }
        if (r.roundTrips() > 50) {
          violation("%s needed %d round trips in one sync (P14)", t.name, r.roundTrips());
        }
        quiet &= r.pushed() == 0 && r.pulled() == 0 && t.client().syncState().pendingCount() == 0;
        checkContinuous(t);
      }
      if (quiet) {
        return round;
      }
    }
    violation("not quiescent after %d rounds of syncing every tablet (P14)", maxRounds);
    return maxRounds;
  }

  // ---------------------------------------------------------------- invariants

  private void violation(String format, Object... args) {
    String v = String.format(format, args);
    violations.add(v);
    history.add("e" + event + " VIOLATION " + v);
  }

  /** P7, P8 and P9 on one tablet, after one of its sync steps. */
  private void checkContinuous(SimTablet t) {
    synchronized (t.core().lock()) {
      // P7: the latest pending value of each field edited locally is what the tablet shows.
      Map<String, String> pending = new LinkedHashMap<>();
      for (OutboxEntry e : t.core().state().outbox()) {
        if (!"PATIENT_UPDATE".equals(e.mutation().type) || e.isRejected()) {
          continue;
        }
        JsonObject payload = e.mutation().payload;
        JsonObject fields = payload.getAsJsonObject("fields");
        String pid = payload.get("patientId").getAsString();
        for (String f : List.of("name", "phone", "address")) {
          JsonElement v = fields.get(f);
          if (v != null) {
            pending.put(pid + "/" + f, v.isJsonNull() ? null : v.getAsString());
          }
        }
      }
      for (Map.Entry<String, String> e : pending.entrySet()) {
        String[] k = e.getKey().split("/");
        Patient p = t.client().patients().find(UUID.fromString(k[0]));
        if (p == null || !p.id().toString().equals(k[0])) {
          continue;
        }
        String shown =
            switch (k[1]) {
              case "name" -> p.name();
              case "phone" -> p.phone();
              default -> p.address();
            };
        if (!Objects.equals(shown, e.getValue())) {
          violation(
              "P7: %s shows %s %s=%s, its pending edit says %s",
              t.name, l(p.id()), k[1], shown, e.getValue());
        }
      }
      // P8: no field version of a pulled patient goes back, except across a reset.
      Instant reset = t.core().state().lastResetAt();
      if (!Objects.equals(reset, seenReset.get(t))) {
        seenReset.put(t, reset);
        seenVersions.keySet().removeIf(k -> k.startsWith(t.name + "/"));
      }
      for (PatientData p : t.core().state().serverPatients().values()) {
        if (p.versions == null) {
          continue;
        }
        for (Map.Entry<String, FieldVersion> v : p.versions.entrySet()) {
          String key = t.name + "/" + p.id + "/" + v.getKey();
          FieldVersion before = seenVersions.put(key, v.getValue());
          if (before != null && v.getValue().compareTo(before) < 0) {
            violation(
                "P8: %s saw %s.%s go back from %s to %s",
                t.name, l(p.id), v.getKey(), before.hlc(), v.getValue().hlc());
          }
        }
      }
    }
    // P9: every visit reads whole, as recorded.
    for (UUID pid : patients) {
      if (t.client().patients().find(pid) == null) {
        continue;
      }
      try {
        for (Visit v : t.client().followUps().history(pid)) {
          VisitForm recorded = recordedForms.get(v.id());
          if (recorded == null) {
            continue;
          }
          VisitForm read = v.form();
          // The server's copy fills in defaults and scales decimals: compare what was entered.
          if (!Objects.equals(read.systolic(), recorded.systolic())
              || !Objects.equals(read.diastolic(), recorded.diastolic())
              || !sameNumber(read.fastingGlucose(), recorded.fastingGlucose())
              || !sameNumber(read.weightKg(), recorded.weightKg())
              || size(read.medications()) != size(recorded.medications())
              || !Objects.equals(read.visitDate(), recorded.visitDate())
              || read.disease() != recorded.disease()) {
            violation("P9: %s reads %s as %s, recorded %s", t.name, l(v.id()), read, recorded);
          }
        }
      } catch (SuifangException e) {
        violation("P9: %s cannot read the history of %s: %s", t.name, l(pid), e.code());
      }
    }
  }

  /** The checks at quiescence; returns {records lost, records duplicated}. */
  private int[] checkInvariants() {
    int lost = 0;
    int duplicated = 0;
    // P1: every local write is on the server, or rejected with a reason the tablet shows.
    Map<UUID, String> status = new HashMap<>();
    for (Map<String, Object> row : server.rows("SELECT mutation_id, status FROM mutation_result")) {
      status.put((UUID) row.get("mutation_id"), (String) row.get("status"));
    }
    Set<UUID> rejectedShown = new LinkedHashSet<>();
    for (SimTablet t : tablets) {
      for (Rejection r : t.client().needsAttention()) {
        rejectedShown.add(r.mutationId());
      }
    }
    Set<UUID> applied = new LinkedHashSet<>();
    Set<UUID> mutations = new LinkedHashSet<>();
    for (LocalOp op : ops) {
      mutations.add(op.mutationId());
      String s = status.get(op.mutationId());
      if (s == null) {
        lost++;
        violation(
            "P1: %s's %s %s (%s, e%d) never reached the server",
            op.tablet().name, op.kind(), l(op.recordId()), l(op.mutationId()), op.event());
      } else if (s.equals("REJECTED")) {
        if (!rejectedShown.contains(op.mutationId())) {
          lost++;
          violation(
              "P1: %s's %s %s was rejected but no tablet shows it",
              op.tablet().name, op.kind(), l(op.recordId()));
        }
        log("rejected: %s %s %s", op.tablet().name, op.kind(), l(op.recordId()));
      } else {
        applied.add(op.mutationId());
      }
    }
    // P2: nothing on the server that no tablet wrote, one row per record, the visits expected.
    long results = server.count("SELECT count(*) FROM mutation_result");
    if (results != mutations.size()) {
      violation(
          "P2: %d mutation results on the server, %d mutations made", results, mutations.size());
    }
    long orphans =
        server.count(
            "SELECT count(*) FROM device_mutation d WHERE NOT EXISTS "
                + "(SELECT 1 FROM mutation_result r WHERE r.mutation_id = d.mutation_id)");
    if (orphans != 0) {
      violation("P2: %d device_mutation rows without a result", orphans);
    }
    long twiceConflicts =
        server.count(
            "SELECT count(*) FROM (SELECT mutation_id, field FROM sync_conflict "
                + "GROUP BY mutation_id, field HAVING count(*) > 1) x");
    if (twiceConflicts != 0) {
      violation("P2: %d (mutation, field) pairs with more than one conflict row", twiceConflicts);
    }
    Map<UUID, Set<UUID>> expectedVisits = new HashMap<>();
    Set<UUID> expectedVoided = new LinkedHashSet<>();
    Set<UUID> expectedPatients = new LinkedHashSet<>();
    for (LocalOp op : ops) {
      if (!applied.contains(op.mutationId())) {
        continue;
      }
      switch (op.kind()) {
        case "register", "register-duplicate" -> expectedPatients.add(op.recordId());
        case "record", "amend" ->
            expectedVisits
                .computeIfAbsent(op.patientId(), k -> new LinkedHashSet<>())
                .add(op.recordId());
        case "void" -> expectedVoided.add(op.recordId());
        default -> {}
      }
    }
    for (UUID p : expectedPatients) {
      long n = server.count("SELECT count(*) FROM patient WHERE id = ?", p);
      if (n != 1) {
        lost++;
        violation("P1: patient %s is on the server %d times", l(p), n);
      }
    }
    for (UUID p : patients) {
      Set<UUID> expected = expectedVisits.getOrDefault(p, Set.of());
      Set<UUID> onServer = new LinkedHashSet<>();
      long rows = 0;
      for (Map<String, Object> row :
          server.rows("SELECT id FROM follow_up WHERE patient_id = ?", p)) {
        onServer.add((UUID) row.get("id"));
        rows++;
      }
      if (rows != onServer.size()) {
        duplicated += (int) (rows - onServer.size());
      }
      for (UUID v : expected) {
        if (!onServer.contains(v)) {
          lost++;
          violation("P1: visit %s of %s is not on the server", l(v), l(p));
        }
      }
      for (UUID v : onServer) {
        if (!expected.contains(v)) {
          duplicated++;
          violation("P2: the server has visit %s of %s that no applied mutation made", l(v), l(p));
        }
      }
    }
    // P12: voids stick.
    for (UUID v : expectedVoided) {
      long n =
          server.count("SELECT count(*) FROM follow_up WHERE id = ? AND voided_at IS NOT NULL", v);
      if (n != 1) {
        violation("P12: voided visit %s is not void on the server", l(v));
      }
    }
    // P3: every tablet equals the server for its scope, field by field.
    for (SimTablet t : tablets) {
      checkConverged(t);
    }
    // P10: conflicts.
    long conflicts = server.count("SELECT count(*) FROM sync_conflict");
    for (Map<String, Object> c :
        server.rows(
            "SELECT field, winner_value, loser_value, winner_device_id, loser_device_id, "
                + "winner_hlc, loser_hlc, mutation_id, patient_id FROM sync_conflict "
                + "ORDER BY change_seq")) {
      log(
          "conflict %s.%s: winner %s (%s) loser %s (%s), made by %s",
          l((UUID) c.get("patient_id")),
          c.get("field"),
          c.get("winner_value"),
          l((UUID) c.get("winner_device_id")),
          c.get("loser_value"),
          l((UUID) c.get("loser_device_id")),
          l((UUID) c.get("mutation_id")));
      if (Objects.equals(c.get("winner_value"), c.get("loser_value"))) {
        violation("P10: a conflict on %s with the same value on both sides", c.get("field"));
      }
      if (Objects.equals(c.get("winner_device_id"), c.get("loser_device_id"))) {
        if (restored || clone != null) {
          // Known (docs/reliability.md#deterministic-simulation): a base that names this device's
          // own earlier write under a stamp or an id the server no longer has for it (a re-stamp
          // repeated after a restore; a new device id after a clone) is taken for a concurrent one.
          spuriousConflicts++;
          log("KNOWN spurious conflict on %s (restore or new device id)", c.get("field"));
        } else {
          violation("P10: a conflict on %s between a device and itself", c.get("field"));
        }
      }
    }
    if (config.ownerMode() && conflicts - spuriousConflicts != 0 && clone == null) {
      violation("P10: %d conflicts in owner mode, where every edit is sequential", conflicts);
    }
    log("conflicts on the server: %d", conflicts);
    // P13: a clone and its original that both wrote after the cloning end with different ids.
    if (clone != null
        && opsAfterClone.getOrDefault(clone, 0) > 0
        && opsAfterClone.getOrDefault(cloneParent, 0) > 0
        && clone.client().deviceId().equals(cloneParent.client().deviceId())) {
      violation("P13: %s and its clone %s still share a device id", cloneParent.name, clone.name);
    }
    log(
        "end: %d operations, %d mutations, %d lost, %d duplicated",
        operations, mutations.size(), lost, duplicated);
    return new int[] {lost, duplicated};
  }

  private void checkConverged(SimTablet t) {
    String village = village(t);
    Map<UUID, String> server = new TreeMap<>();
    for (Map<String, Object> row :
        this.server.rows(
            "SELECT id, name, phone, address, resident_id, birth_date, status FROM patient "
                + "WHERE village_code = ? AND merged_into IS NULL",
            village)) {
      server.put(
          (UUID) row.get("id"),
          row.get("name")
              + "|"
              + row.get("phone")
              + "|"
              + row.get("address")
              + "|"
              + row.get("resident_id")
              + "|"
              + row.get("birth_date")
              + "|"
              + row.get("status"));
    }
    Map<UUID, String> local = new TreeMap<>();
    for (Patient p : t.client().patients().search(PatientQuery.newBuilder().build())) {
      local.put(
          p.id(),
          p.name()
              + "|"
              + p.phone()
              + "|"
              + p.address()
              + "|"
              + p.residentId()
              + "|"
              + p.birthDate()
              + "|"
              + p.status().status());
    }
    if (!server.equals(local)) {
      for (UUID id : union(server.keySet(), local.keySet())) {
        if (!Objects.equals(server.get(id), local.get(id))) {
          violation(
              "P3: %s has %s as %s, the server as %s",
              t.name, l(id), local.get(id), server.get(id));
        }
      }
    }
    for (UUID pid : server.keySet()) {
      Map<UUID, String> sv = new TreeMap<>();
      for (Map<String, Object> row :
          this.server.rows(
              "SELECT f.id, f.systolic, f.diastolic, f.voided_at, "
                  + "(SELECT count(*) FROM follow_up a WHERE a.amends = f.id) AS amended "
                  + "FROM follow_up f WHERE f.patient_id = ?",
              pid)) {
        String state =
            row.get("voided_at") != null
                ? "VOIDED"
                : ((Number) row.get("amended")).longValue() > 0 ? "SUPERSEDED" : "CURRENT";
        sv.put(
            (UUID) row.get("id"), row.get("systolic") + "/" + row.get("diastolic") + " " + state);
      }
      Map<UUID, String> lv = new TreeMap<>();
      try {
        for (Visit v : t.client().followUps().history(pid)) {
          lv.put(v.id(), bp(v.form()) + " " + v.state());
        }
      } catch (SuifangException e) {
        violation("P3: %s cannot read the history of %s: %s", t.name, l(pid), e.code());
      }
      if (!sv.equals(lv)) {
        violation(
            "P3: %s's visits of %s are %s, the server's %s",
            t.name, l(pid), relabel(lv), relabel(sv));
      }
    }
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private Map<String, String> relabel(Map<UUID, String> m) {
    Map<String, String> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(l(k), v));
    return out;
  }

  private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
    Set<UUID> u = new LinkedHashSet<>(a);
    u.addAll(b);
    return u;
  }

  static String hash(List<String> lines) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        d.update(line.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
      }
      return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
