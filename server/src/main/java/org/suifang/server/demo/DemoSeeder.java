package org.suifang.server.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suifang.rules.Disease;
import org.suifang.rules.Sex;
import org.suifang.rules.VisitMode;
import org.suifang.server.auth.Role;
import org.suifang.server.regions.FacilityCommand;
import org.suifang.server.regions.FacilityKind;
import org.suifang.server.regions.RegionCommand;
import org.suifang.server.regions.RegionLevel;
import org.suifang.server.regions.RegionService;
import org.suifang.server.users.UserCommand;
import org.suifang.server.users.UserService;

/**
 * Seeds the demo data once: the area of {@link DemoArea} with its facilities and users (through
 * {@link RegionService} and {@link UserService}), then for each village about 50 patients with a
 * year of follow-ups up to today, registered and recorded through the REST API as the village's
 * doctor ({@link DemoApi}), so the real validation and rules assess every visit and decide each
 * next step; the generator follows those decisions (a recheck within two weeks after an
 * uncontrolled visit, a referral follow-up after a referral, the next quarter otherwise).
 *
 * <p>Deterministic: each village draws from its own {@link Random} seeded from {@link
 * DemoConfiguration#seed()}, ids are name-based UUIDs, and dates count back from today (China
 * Standard Time, from the injected {@link Clock}). The same seed on the same day gives the same
 * data. Villages are seeded in parallel, which changes no content.
 *
 * <p>Idempotent: nothing happens when the demo county exists. The county administrator is created
 * last; a county without it means an interrupted seeding, which is reported (delete the data
 * directory to start again).
 */
@Singleton
@Requires(property = "suifang.demo.enabled", value = "true")
class DemoSeeder {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

  private final DemoConfiguration config;
  private final RegionService regions;
  private final UserService users;
  private final JsonMapper json;
  private final Clock clock;
  private final JdbcOperations jdbc;

  DemoSeeder(
      DemoConfiguration config,
      RegionService regions,
      UserService users,
      JsonMapper json,
      Clock clock,
      JdbcOperations jdbc) {
    this.config = config;
    this.regions = regions;
    this.users = users;
    this.json = json;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** What the database holds for the demo county. */
  record Counts(long patients, long followUps) {}

  /**
   * Seeds the demo data through the API at {@code server} unless the demo county exists; returns
   * true if it seeded. Throws if the API refuses anything (a bug in the generator).
   */
  synchronized boolean seedIfAbsent(URI server) {
    if (regions.find(DemoArea.COUNTY).isPresent()) {
      if (users.findByUsername(adminLogin().username()).isEmpty()) {
        LOG.warn(
            "Demo data is incomplete (an earlier seeding was interrupted); delete the data directory"
                + " (suifang.data-dir) and restart to seed it again.");
      }
      return false;
    }
    long started = System.nanoTime();
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    LOG.info(
        "Seeding demo data for {} ({} villages, {} patients each, today {})...",
        DemoArea.COUNTY_NAME,
        DemoArea.VILLAGES.size(),
        config.patientsPerVillage(),
        today);
    Map<String, UUID> facilities = createArea();
    DemoApi api = new DemoApi(server, json);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> villages = new ArrayList<>();
      for (int i = 0; i < DemoArea.VILLAGES.size(); i++) {
        VillageSeeding seeding = new VillageSeeding(i, DemoArea.VILLAGES.get(i), api, today);
        villages.add(pool.submit(seeding::run));
      }
      for (Future<?> village : villages) {
        village.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("demo data: interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    // Last, so that its presence marks a complete seeding.
    createUser(adminLogin(), facilities);
    Counts counts = counts();
    LOG.info(
        "Seeded demo data: {} patients, {} follow-ups in {} ms",
        counts.patients(),
        counts.followUps(),
        (System.nanoTime() - started) / 1_000_000);
    return true;
  }

  /** Returns how many patients and follow-ups the demo county has. */
  @Transactional(readOnly = true)
  Counts counts() {
    long patients = count("SELECT COUNT(*) FROM patient WHERE county_code = ?");
    long followUps =
        count(
            "SELECT COUNT(*) FROM follow_up f JOIN patient p ON p.id = f.patient_id"
                + " WHERE p.county_code = ?");
    return new Counts(patients, followUps);
  }

  private long count(String sql) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          ps.setString(1, DemoArea.COUNTY);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private Map<String, UUID> createArea() {
    regions.createRegion(
        RegionCommand.of(DemoArea.COUNTY, RegionLevel.COUNTY, DemoArea.COUNTY_NAME));
    Map<String, UUID> facilities = new HashMap<>();
    for (DemoArea.Township t : DemoArea.TOWNSHIPS) {
      regions.createRegion(RegionCommand.of(t.code(), RegionLevel.TOWNSHIP, t.name()));
      facilities.put(
          t.code(),
          regions
              .createFacility(
                  new FacilityCommand(
                      t.healthCentre(), FacilityKind.TOWNSHIP_HEALTH_CENTRE, t.code()))
              .id());
    }
    for (DemoArea.Village v : DemoArea.VILLAGES) {
      regions.createRegion(
          new RegionCommand(v.code(), RegionLevel.VILLAGE, v.name(), v.urbanRural(), v.segment()));
      facilities.put(
          v.code(),
          regions
              .createFacility(
                  new FacilityCommand(v.clinic(), FacilityKind.VILLAGE_CLINIC, v.code()))
              .id());
    }
    for (DemoArea.Login login : DemoArea.LOGINS) {
      if (login.role() != Role.COUNTY_ADMIN) {
        createUser(login, facilities);
      }
    }
    return facilities;
  }

  private void createUser(DemoArea.Login login, Map<String, UUID> facilities) {
    UserCommand command =
        switch (login.role()) {
          case VILLAGE_DOCTOR ->
              UserCommand.doctor(
                  login.username(),
                  login.displayName(),
                  config.password(),
                  login.area().toArray(String[]::new));
          case TOWNSHIP_SUPERVISOR ->
              UserCommand.supervisor(
                  login.username(), login.displayName(), config.password(), login.area().get(0));
          case COUNTY_ADMIN ->
              UserCommand.admin(
                  login.username(), login.displayName(), config.password(), login.area().get(0));
        };
    users.createUser(
        command.withFacility(
            login.facilityRegion() == null ? null : facilities.get(login.facilityRegion())));
  }

  private static DemoArea.Login adminLogin() {
    return DemoArea.LOGINS.get(DemoArea.LOGINS.size() - 1);
  }

  /** Name-based, so the same demo record always gets the same id. */
  static UUID uuid(String name) {
    return UUID.nameUUIDFromBytes(("suifang-demo/" + name).getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------------------------------------

  /** What a patient's story ends with; the worklists then show one of each in every village. */
  enum Script {
    /** An ordinary year. */
    NONE,
    /** Uncontrolled a few days ago: on the recheck list. */
    RECHECK_PENDING,
    /** Uncontrolled about three weeks ago and not seen since: a recheck past due. */
    RECHECK_PAST_DUE,
    /** Uncontrolled twice in a row: referred a few days ago. */
    REFERRAL_PENDING,
    /** A danger sign a few days ago: urgent referral. */
    URGENT_PENDING,
    /** A danger sign a month ago, the referral followed up by phone, then seen again. */
    URGENT_FOLLOWED_UP,
    /** A danger sign two to three weeks ago and no follow-up since: a referral past its 14 days. */
    URGENT_PAST_DUE,
    /** No visit yet this quarter. */
    OVERDUE,
    /** Stopped coming seven to nine months ago; status LOST_TO_FOLLOW_UP. */
    LOST,
    /** Management ended a few months ago; status TERMINATED. */
    TERMINATED
  }

  /** How a visit came out for one disease. */
  enum Outcome {
    CONTROLLED,
    UNCONTROLLED,
    DANGER
  }

  /** Why an encounter happens. */
  enum Kind {
    ROUTINE,
    RECHECK,
    REFERRAL_FOLLOW_UP,
    AFTER_PHONE
  }

  /** Seeds one village: its own random numbers, so villages may run in parallel. */
  private final class VillageSeeding {

    private final int index;
    private final DemoArea.Village village;
    private final DemoApi api;
    private final LocalDate today;
    private final Random random;
    private final DemoPeople people;
    private String token;

    VillageSeeding(int index, DemoArea.Village village, DemoApi api, LocalDate today) {
      this.index = index;
      this.village = village;
      this.api = api;
      this.today = today;
      this.random = new Random(config.seed() * 1_000_003L + index);
      this.people = new DemoPeople(random, DemoArea.COUNTY, index * 100);
    }

    void run() {
      token = api.login(DemoArea.doctorOf(village.code()).username(), config.password());
      int n = config.patientsPerVillage();
      for (int slot = 0; slot < n; slot++) {
        new PatientStory(slot, script(slot, n)).tell();
      }
    }

    private Script script(int slot, int n) {
      if (slot == n - 1) {
        return Script.TERMINATED;
      }
      if (slot == n - 2) {
        return Script.LOST;
      }
      return switch (slot) {
        case 0 -> Script.RECHECK_PENDING;
        case 1 -> Script.RECHECK_PAST_DUE;
        case 2 -> Script.REFERRAL_PENDING;
        case 3 -> Script.URGENT_PENDING;
        case 4 -> Script.URGENT_FOLLOWED_UP;
        case 6 -> Script.URGENT_PAST_DUE;
        default -> slot % 8 == 5 ? Script.OVERDUE : Script.NONE;
      };
    }

    /** One patient: registration, a year of encounters, and the status at the end. */
    private final class PatientStory {

      private final int slot;
      private final Script script;
      private final UUID id;
      private final DemoPeople.Person person;
      private final List<Disease> diseases = new ArrayList<>();
      private final Disease focus;
      private final double heightCm;
      private final double baseWeight;
      // The chance that a routine visit is uncontrolled, and that a recheck still is.
      private final double pUncontrolled;
      private final double pStillUncontrolled;
      private final boolean scripted;
      // The day of the quarter the doctor usually comes, and the annual check's month per year.
      private final int preferredDay;
      private final Map<Integer, Integer> annualCheckMonth = new HashMap<>();
      private final Map<Integer, Boolean> annualCheckDone = new HashMap<>();
      private final Lifestyle lifestyle;
      private final Map<Disease, List<Map<String, Object>>> medications =
          new EnumMap<>(Disease.class);
      private final Map<Disease, Boolean> lastFaceToFaceUncontrolled = new EnumMap<>(Disease.class);
      private Set<Disease> referred = Set.of();
      private int visits;
      private LocalDate lastVisit;
      private boolean lastWasPhone;

      PatientStory(int slot, Script script) {
        this.slot = slot;
        this.script = script;
        this.id = uuid("patient/" + village.code() + "/" + slot);
        this.person = people.next(today, 45, 85);
        switch (script) {
          case RECHECK_PENDING, REFERRAL_PENDING, URGENT_FOLLOWED_UP -> {
            diseases.add(Disease.HYPERTENSION);
            if (people.chance(0.2)) {
              diseases.add(Disease.DIABETES);
            }
          }
          case RECHECK_PAST_DUE -> diseases.add(Disease.DIABETES);
          case URGENT_PENDING ->
              diseases.add(index % 2 == 0 ? Disease.HYPERTENSION : Disease.DIABETES);
          case URGENT_PAST_DUE ->
              diseases.add(index % 2 == 0 ? Disease.DIABETES : Disease.HYPERTENSION);
          default -> {
            double r = random.nextDouble();
            // About 72% hypertension, 43% diabetes, 15% both.
            if (r < 0.57) {
              diseases.add(Disease.HYPERTENSION);
            } else if (r < 0.85) {
              diseases.add(Disease.DIABETES);
            } else {
              diseases.add(Disease.HYPERTENSION);
              diseases.add(Disease.DIABETES);
            }
          }
        }
        this.focus = diseases.get(0);
        boolean male = person.sex() == Sex.MALE;
        this.heightCm = male ? people.between(160, 178) : people.between(150, 166);
        this.baseWeight = male ? people.between(60, 86) : people.between(50, 74);
        double profile = random.nextDouble();
        // Scripted stories keep an even history, so their ending is exactly the one intended.
        this.scripted = script != Script.NONE && script != Script.OVERDUE;
        this.pUncontrolled = scripted ? 0 : profile < 0.6 ? 0.05 : profile < 0.9 ? 0.2 : 0.4;
        this.pStillUncontrolled = profile < 0.6 ? 0.2 : profile < 0.9 ? 0.35 : 0.55;
        this.preferredDay = people.between(3, 60);
        for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
          annualCheckMonth.put(year, people.between(3, 10));
          annualCheckDone.put(year, !people.chance(year == today.getYear() ? 0.75 : 0.85));
        }
        this.lifestyle = new Lifestyle(male);
        for (Disease d : diseases) {
          medications.put(d, startingMedications(d));
          lastFaceToFaceUncontrolled.put(d, false);
        }
      }

      void tell() {
        register();
        if (index == 0 && slot == 1) {
          registerAgain();
        }
        LocalDate quarterStart = quarterStart(today);
        LocalDate stop =
            switch (script) {
              case NONE -> today;
              case OVERDUE -> quarterStart.minusDays(1);
              case LOST -> today.minusDays(people.between(200, 270));
              case TERMINATED -> today.minusDays(people.between(60, 150));
              default -> today.minusDays(40);
            };
        // The first quarterly visit of the last twelve months.
        LocalDate yearAgo = today.minusDays(365);
        LocalDate date = quarterStart(yearAgo).plusDays(preferredDay + people.between(-2, 2));
        if (date.isBefore(yearAgo)) {
          date = quarterStart(yearAgo).plusMonths(3).plusDays(preferredDay + people.between(-2, 2));
        }
        Kind kind = Kind.ROUTINE;
        while (!date.isAfter(stop)) {
          Step next = encounter(date, kind, null, null);
          date = next.date();
          kind = next.kind();
        }
        switch (script) {
          case RECHECK_PENDING ->
              clinic(today.minusDays(people.between(3, 9)), Kind.ROUTINE, Outcome.UNCONTROLLED);
          case RECHECK_PAST_DUE ->
              clinic(today.minusDays(people.between(17, 24)), Kind.ROUTINE, Outcome.UNCONTROLLED);
          case REFERRAL_PENDING -> {
            clinic(today.minusDays(people.between(18, 22)), Kind.ROUTINE, Outcome.UNCONTROLLED);
            clinic(today.minusDays(people.between(2, 6)), Kind.RECHECK, Outcome.UNCONTROLLED);
          }
          case URGENT_PENDING ->
              clinic(today.minusDays(people.between(1, 5)), Kind.ROUTINE, Outcome.DANGER);
          case URGENT_PAST_DUE ->
              clinic(today.minusDays(people.between(16, 22)), Kind.ROUTINE, Outcome.DANGER);
          case URGENT_FOLLOWED_UP -> {
            LocalDate danger = today.minusDays(people.between(25, 32));
            clinic(danger, Kind.ROUTINE, Outcome.DANGER);
            LocalDate call = danger.plusDays(people.between(6, 10));
            encounter(call, Kind.REFERRAL_FOLLOW_UP, Outcome.CONTROLLED, VisitMode.PHONE);
            clinic(call.plusDays(people.between(7, 12)), Kind.AFTER_PHONE, Outcome.CONTROLLED);
          }
          case LOST ->
              status(
                  "LOST_TO_FOLLOW_UP",
                  null,
                  lastVisit.plusDays(people.between(60, 100)),
                  "外出务工，多次电话未联系上");
          case TERMINATED -> {
            String[] reasons = {"DEATH", "MOVED_OUT", "REFUSED"};
            String[] notes = {"脑出血去世", "随子女迁往保定市居住", "本人拒绝继续接受管理"};
            status(
                "TERMINATED",
                reasons[index % 3],
                lastVisit.plusDays(people.between(10, 40)),
                notes[index % 3]);
          }
          default -> {}
        }
      }

      private void register() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id.toString());
        p.put("name", person.name());
        p.put("residentId", person.residentId());
        p.put("phone", person.phone());
        p.put("villageCode", village.code());
        p.put("address", people.address(village.name()));
        p.put(
            "healthRecordNumber",
            village.code().substring(0, 9) + village.segment() + String.format("%05d", slot + 1));
        p.put("heightCm", heightCm);
        List<Map<String, Object>> conditions = new ArrayList<>();
        int age = today.getYear() - person.birthDate().getYear();
        for (Disease d : diseases) {
          int yearsAgo = people.between(1, Math.max(1, Math.min(15, age - 37)));
          conditions.add(
              Map.of(
                  "disease",
                  d.name(),
                  "diagnosedOn",
                  today.minusYears(yearsAgo).minusDays(people.between(0, 300)).toString()));
        }
        p.put("conditions", conditions);
        api.post(token, "/api/v1/patients", p);
      }

      /**
       * Registers the same person a second time, without the ID number and with another phone, as
       * happens when a relative brings them in: the review queue then has a duplicate-patient
       * candidate (same name, birth date and village) for a supervisor to merge.
       */
      private void registerAgain() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", uuid("patient/" + village.code() + "/" + slot + "/again").toString());
        p.put("name", person.name());
        p.put("sex", person.sex().name());
        p.put("birthDate", person.birthDate().toString());
        p.put("phone", "13800000001");
        p.put("villageCode", village.code());
        // Fixed values only: drawing from the random source would change every later patient.
        p.put("address", village.name() + "1组1号");
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (Disease d : diseases) {
          conditions.add(
              Map.of("disease", d.name(), "diagnosedOn", today.minusYears(2).toString()));
        }
        p.put("conditions", conditions);
        api.post(token, "/api/v1/patients", p);
      }

      private void status(String status, String reason, LocalDate date, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null) {
          body.put("reason", reason);
        }
        body.put("date", (date.isAfter(today) ? today : date).toString());
        body.put("note", note);
        body.put("version", 0);
        api.post(token, "/api/v1/patients/" + id + "/status", body);
      }

      /** The next encounter: when, and why. */
      private record Step(LocalDate date, Kind kind) {}

      private void clinic(LocalDate date, Kind kind, Outcome outcome) {
        encounter(date, kind, outcome, VisitMode.CLINIC);
      }

      /**
       * Records one encounter (a form per disease, sharing an encounter id) and returns the next.
       * {@code forced} sets the outcome of the focus disease, {@code forcedMode} the mode; null
       * leaves them to the profile.
       */
      private Step encounter(LocalDate date, Kind kind, Outcome forced, VisitMode forcedMode) {
        VisitMode mode = forcedMode != null ? forcedMode : mode(kind);
        boolean faceToFace = mode != VisitMode.PHONE;
        boolean annual = faceToFace && annualCheckDue(date);
        UUID encounterId = diseases.size() > 1 ? uuid("encounter/" + id + "/" + visits) : null;
        int weight10 = (int) Math.round((baseWeight + people.between(-15, 15) / 10.0) * 10);
        int[] bp = null;
        List<String> steps = new ArrayList<>();
        Set<Disease> referredNow = new HashSet<>();
        for (Disease d : diseases) {
          Outcome outcome = forced != null && d == focus ? forced : outcome(kind, d);
          if (!faceToFace) {
            outcome = Outcome.CONTROLLED;
          }
          boolean predictedReferral =
              faceToFace
                  && (outcome == Outcome.DANGER
                      || (outcome == Outcome.UNCONTROLLED && lastFaceToFaceUncontrolled.get(d)));
          Map<String, Object> form =
              form(d, date, mode, outcome, encounterId, weight10, bp, annual, predictedReferral);
          if (d == Disease.HYPERTENSION && form.containsKey("systolic")) {
            bp = new int[] {(Integer) form.get("systolic"), (Integer) form.get("diastolic")};
          }
          Map<String, Object> answer =
              api.post(token, "/api/v1/patients/" + id + "/follow-ups", form);
          @SuppressWarnings("unchecked")
          Map<String, Object> assessment = (Map<String, Object>) answer.get("assessment");
          String step = code(assessment.get("nextStep"));
          if (step != null) {
            steps.add(step);
          }
          if ("REFERRAL".equals(step) || "URGENT_REFERRAL".equals(step)) {
            referredNow.add(d);
          }
          if (faceToFace) {
            lastFaceToFaceUncontrolled.put(
                d, Boolean.FALSE.equals(assessment.get("bphsControlled")));
          }
        }
        visits++;
        lastVisit = date;
        lastWasPhone = !faceToFace;
        referred = referredNow;
        if (annual) {
          annualCheckDone.put(date.getYear(), true);
        }
        if (steps.contains("URGENT_REFERRAL") || steps.contains("REFERRAL")) {
          return new Step(date.plusDays(people.between(5, 12)), Kind.REFERRAL_FOLLOW_UP);
        }
        if (steps.contains("FIRST_UNCONTROLLED_RECHECK")) {
          return new Step(date.plusDays(people.between(10, 14)), Kind.RECHECK);
        }
        if (!faceToFace) {
          // A phone call is followed by a face-to-face visit within two weeks.
          return new Step(date.plusDays(people.between(5, 13)), Kind.AFTER_PHONE);
        }
        return new Step(nextRoutine(date), Kind.ROUTINE);
      }

      private VisitMode mode(Kind kind) {
        return switch (kind) {
          case RECHECK, AFTER_PHONE -> people.chance(0.8) ? VisitMode.CLINIC : VisitMode.HOME;
          case REFERRAL_FOLLOW_UP -> people.chance(0.65) ? VisitMode.PHONE : VisitMode.CLINIC;
          case ROUTINE ->
              !lastWasPhone && people.chance(0.06)
                  ? VisitMode.PHONE
                  : people.chance(0.22) ? VisitMode.HOME : VisitMode.CLINIC;
        };
      }

      private Outcome outcome(Kind kind, Disease d) {
        if (!scripted && people.chance(0.004)) {
          return Outcome.DANGER;
        }
        double p =
            kind == Kind.RECHECK && lastFaceToFaceUncontrolled.get(d)
                ? pStillUncontrolled
                : kind == Kind.REFERRAL_FOLLOW_UP ? 0.3 : pUncontrolled;
        return people.chance(p) ? Outcome.UNCONTROLLED : Outcome.CONTROLLED;
      }

      /**
       * The next routine visit: in the next quarter, around the patient's usual day, within 88
       * days.
       */
      private LocalDate nextRoutine(LocalDate date) {
        LocalDate usual =
            quarterStart(date).plusMonths(3).plusDays(preferredDay + people.between(-4, 4));
        LocalDate latest = date.plusDays(88);
        LocalDate next = usual.isAfter(latest) ? latest : usual;
        return next.isBefore(date.plusDays(30)) ? date.plusDays(30) : next;
      }

      private boolean annualCheckDue(LocalDate date) {
        Integer month = annualCheckMonth.get(date.getYear());
        return month != null
            && !annualCheckDone.get(date.getYear())
            && date.getMonthValue() >= month;
      }

      private Map<String, Object> form(
          Disease d,
          LocalDate date,
          VisitMode mode,
          Outcome outcome,
          UUID encounterId,
          int weight10,
          int[] encounterBp,
          boolean annual,
          boolean referral) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", uuid("follow-up/" + id + "/" + visits + "/" + d).toString());
        f.put("disease", d.name());
        if (encounterId != null) {
          f.put("encounterId", encounterId.toString());
        }
        f.put("visitDate", date.toString());
        f.put("mode", mode.name());
        boolean faceToFace = mode != VisitMode.PHONE;
        f.put("symptoms", symptoms(d, outcome));
        if (faceToFace) {
          // A diabetes form shares the encounter's blood pressure, or has a normal one of its own.
          int[] bp =
              encounterBp != null
                  ? encounterBp
                  : bloodPressure(d == Disease.HYPERTENSION ? outcome : Outcome.CONTROLLED);
          f.put("systolic", bp[0]);
          f.put("diastolic", bp[1]);
          f.put("heartRate", people.between(62, 88));
          double weight = weight10 / 10.0;
          f.put("weightKg", weight);
          double bmi = weight / Math.pow(heightCm / 100, 2);
          f.put(
              "targetWeightKg",
              bmi >= 24 ? Math.round((weight - people.between(2, 4)) * 10) / 10.0 : weight);
        }
        lifestyle.fill(f, d, faceToFace);
        if (d == Disease.DIABETES && faceToFace) {
          f.put("fastingGlucose", glucose(outcome));
          f.put("glucoseSpecimen", "CAPILLARY");
          f.put("dorsalisPedis", "NORMAL");
          f.put("hypoglycaemia", people.chance(0.05) ? "OCCASIONAL" : "NONE");
          if (annual) {
            f.put("hba1c", people.between(60, 85) / 10.0);
            f.put("hba1cTestDate", date.toString());
          }
        }
        f.put(
            "medicationAdherence",
            outcome == Outcome.UNCONTROLLED && people.chance(0.4)
                ? "INTERMITTENT"
                : people.chance(0.05) ? "INTERMITTENT" : "REGULAR");
        f.put("adverseReaction", false);
        f.put("newOrWorseComplication", false);
        f.put("medications", medications.get(d));
        if (faceToFace && outcome != Outcome.CONTROLLED) {
          List<Map<String, Object>> adjusted = adjust(d);
          f.put("medicationAdjustments", adjusted);
          medications.put(d, adjusted);
        }
        if (referral) {
          f.put("referral", referralOf(d, outcome));
        }
        if (referred.contains(d)) {
          f.put("previousReferralOutcome", people.chance(0.85) ? "ARRIVED" : "NOT_ARRIVED");
        }
        if (annual) {
          f.put("annualCheck", true);
          f.put("remarks", "结合年度健康体检");
        }
        f.put(
            "recordedAt",
            date.atTime(8, 0)
                .plusMinutes(people.between(0, 480))
                .atZone(CHINA)
                .toInstant()
                .toString());
        return f;
      }

      private List<String> symptoms(Disease d, Outcome outcome) {
        if (d == Disease.HYPERTENSION) {
          return switch (outcome) {
            case DANGER -> List.of("HEADACHE_DIZZINESS", "BLURRED_VISION_TINNITUS");
            case UNCONTROLLED ->
                people.chance(0.4) ? List.of("HEADACHE_DIZZINESS") : List.of("NONE");
            case CONTROLLED -> List.of("NONE");
          };
        }
        return switch (outcome) {
          case DANGER -> List.of("POLYDIPSIA", "POLYURIA");
          case UNCONTROLLED -> people.chance(0.3) ? List.of("POLYDIPSIA") : List.of("NONE");
          case CONTROLLED -> List.of("NONE");
        };
      }

      private int[] bloodPressure(Outcome outcome) {
        return switch (outcome) {
          case DANGER -> new int[] {people.between(181, 196), people.between(100, 112)};
          case UNCONTROLLED -> new int[] {people.between(152, 174), people.between(86, 102)};
          case CONTROLLED -> new int[] {people.between(116, 136), people.between(68, 86)};
        };
      }

      private double glucose(Outcome outcome) {
        return switch (outcome) {
          case DANGER -> people.between(168, 196) / 10.0;
          case UNCONTROLLED -> people.between(74, 118) / 10.0;
          case CONTROLLED -> people.between(50, 68) / 10.0;
        };
      }

      private Map<String, Object> referralOf(Disease d, Outcome outcome) {
        Map<String, Object> r = new LinkedHashMap<>();
        boolean htn = d == Disease.HYPERTENSION;
        r.put(
            "reason",
            outcome == Outcome.DANGER
                ? (htn ? "血压≥180/110mmHg，伴头痛头晕，初步处理后紧急转诊" : "空腹血糖≥16.7mmol/L，伴多饮多尿，紧急转诊")
                : (htn ? "连续两次血压控制不满意" : "连续两次空腹血糖控制不满意"));
        r.put("facility", DemoArea.COUNTY_HOSPITAL);
        r.put("department", htn ? "心内科" : "内分泌科");
        r.put("contact", outcome == Outcome.DANGER ? "急诊科值班医生" : "门诊部");
        r.put("contactPhone", DemoArea.COUNTY_HOSPITAL_PHONE);
        return r;
      }

      private List<Map<String, Object>> startingMedications(Disease d) {
        List<Map<String, Object>> meds = new ArrayList<>();
        if (d == Disease.HYPERTENSION) {
          meds.add(
              people.pick(
                  List.of(
                      drug("苯磺酸氨氯地平片", 1, 5),
                      drug("苯磺酸氨氯地平片", 1, 5),
                      drug("硝苯地平控释片", 1, 30),
                      drug("缬沙坦胶囊", 1, 80),
                      drug("厄贝沙坦片", 1, 150),
                      drug("马来酸依那普利片", 1, 10))));
          if (people.chance(0.3)) {
            meds.add(
                people.pick(
                    List.of(
                        drug("氢氯噻嗪片", 1, 12.5), drug("吲达帕胺片", 1, 2.5), drug("酒石酸美托洛尔片", 2, 25))));
          }
        } else {
          meds.add(drug("盐酸二甲双胍片", 3, 500));
          if (people.chance(0.3)) {
            meds.add(
                people.pick(
                    List.of(drug("格列美脲片", 1, 2), drug("阿卡波糖片", 3, 50), drug("格列齐特缓释片", 1, 30))));
          }
          if (people.chance(0.15)) {
            meds.add(insulin("甘精胰岛素注射液", "长效胰岛素", "睡前皮下注射" + people.between(8, 16) + "单位"));
          }
        }
        return meds;
      }

      /** 用药调整意见: add a second drug, or raise the dose of the first once it is not enough. */
      private List<Map<String, Object>> adjust(Disease d) {
        List<Map<String, Object>> meds = new ArrayList<>(medications.get(d));
        if (d == Disease.HYPERTENSION) {
          if (meds.size() < 2) {
            meds.add(drug("氢氯噻嗪片", 1, 12.5));
          } else if ("苯磺酸氨氯地平片".equals(meds.get(0).get("drugName"))
              && ((Number) meds.get(0).get("mgPerDose")).doubleValue() < 10) {
            meds.set(0, drug("苯磺酸氨氯地平片", 1, 10));
          }
        } else if (meds.stream().noneMatch(m -> m.containsKey("insulinType"))) {
          if (meds.size() < 2) {
            meds.add(drug("格列美脲片", 1, 2));
          } else {
            meds.add(insulin("门冬胰岛素30注射液", "预混胰岛素", "早晚餐前各皮下注射" + people.between(8, 12) + "单位"));
          }
        }
        return List.copyOf(meds);
      }
    }

    /**
     * Smoking, drinking, exercise, salt and staple food of one patient, with the agreed targets.
     */
    private final class Lifestyle {
      private final int smoking;
      private final double drinking;
      private final int exerciseTimes;
      private final int exerciseMinutes;
      private final String salt;
      private final int stapleFood;

      Lifestyle(boolean male) {
        smoking = people.chance(male ? 0.45 : 0.03) ? people.between(5, 20) : 0;
        drinking = people.chance(male ? 0.35 : 0.02) ? people.between(1, 6) / 2.0 : 0;
        exerciseTimes = people.between(0, 7);
        exerciseMinutes = exerciseTimes == 0 ? 0 : people.pick(List.of(20, 30, 30, 40, 60));
        salt = people.pick(List.of("HEAVY", "MODERATE", "MODERATE", "LIGHT"));
        stapleFood = people.between(25, 45) * 10;
      }

      void fill(Map<String, Object> f, Disease d, boolean faceToFace) {
        f.put("smokingPerDay", smoking);
        f.put("targetSmokingPerDay", Math.max(0, smoking - 5));
        f.put("drinkingLiangPerDay", drinking);
        f.put("targetDrinkingLiangPerDay", Math.max(0, drinking - 1));
        f.put("exerciseTimesPerWeek", exerciseTimes);
        f.put("exerciseMinutesPerTime", exerciseMinutes);
        f.put("targetExerciseTimesPerWeek", Math.max(exerciseTimes, 5));
        f.put("targetExerciseMinutesPerTime", Math.max(exerciseMinutes, 30));
        if (!faceToFace) {
          return;
        }
        if (d == Disease.HYPERTENSION) {
          f.put("saltIntake", salt);
          f.put("targetSaltIntake", "HEAVY".equals(salt) ? "MODERATE" : "LIGHT");
        } else {
          f.put("stapleFoodGramsPerDay", stapleFood);
          f.put("targetStapleFoodGramsPerDay", Math.min(stapleFood, 300));
        }
        f.put("psychologicalAdjustment", people.chance(0.85) ? "GOOD" : "FAIR");
        f.put("compliance", people.chance(0.8) ? "GOOD" : "FAIR");
      }
    }
  }

  private static Map<String, Object> drug(String name, int timesPerDay, double mgPerDose) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("drugName", name);
    m.put("timesPerDay", timesPerDay);
    m.put("mgPerDose", mgPerDose);
    return m;
  }

  private static Map<String, Object> insulin(String name, String type, String dosage) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("drugName", name);
    m.put("insulinType", type);
    m.put("insulinDosage", dosage);
    return m;
  }

  private static String code(Object label) {
    return label instanceof Map<?, ?> map ? (String) map.get("code") : null;
  }

  /** Returns the first day of the calendar quarter of {@code date}. */
  static LocalDate quarterStart(LocalDate date) {
    return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
  }
}
