package org.suifang.server.worklists;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.suifang.rules.Classification;
import org.suifang.rules.DangerSign;
import org.suifang.rules.Disease;
import org.suifang.rules.NextStep;
import org.suifang.rules.Sex;
import org.suifang.rules.VisitMode;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.regions.RegionLevel;
import org.suifang.server.regions.RegionService;
import org.suifang.server.regions.RegionView;
import org.suifang.server.worklists.WorklistRepository.AnnualCheckRow;
import org.suifang.server.worklists.WorklistRepository.OverdueRow;
import org.suifang.server.worklists.WorklistRepository.PatientColumns;
import org.suifang.server.worklists.WorklistRepository.RecheckRow;
import org.suifang.server.worklists.WorklistRepository.ReferralRow;
import org.suifang.server.worklists.WorklistRepository.Window;

/**
 * Computes the worklists of a village for a reference date (today in China Standard Time unless
 * given), and the per-village counts of the caller's area. The rules are in docs/worklists.md and
 * in the SQL of {@link WorklistRepository}; this class checks access, works out the dates from
 * {@link WorklistConfiguration} and groups the rows of a patient into one entry.
 *
 * <p>Access: whoever may read a village ({@link CurrentUser#canRead}) may see its worklists; an
 * unknown village is {@link WorklistError#VILLAGE_NOT_FOUND}, a village outside the caller's area
 * {@link CommonError#FORBIDDEN}.
 */
@Singleton
class WorklistService {

  /** Worklist dates are China Standard Time dates. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final WorklistRepository repository;
  private final RegionService regions;
  private final WorklistConfiguration config;
  private final Clock clock;

  WorklistService(
      WorklistRepository repository,
      RegionService regions,
      WorklistConfiguration config,
      Clock clock) {
    this.repository = repository;
    this.regions = regions;
    this.config = config;
    this.clock = clock;
  }

  WorklistPage<OverdueView> overdue(
      String villageCode, @Nullable LocalDate date, int page, int size, CurrentUser user) {
    RegionView village = readableVillage(villageCode, user);
    LocalDate d = dateOrToday(date);
    WorklistRepository.Page<OverdueRow> rows =
        repository.overdue(villageCode, window(d), offset(page, size), size);
    return page(
        village, d, overdueViews(rows.rows(), d, p -> patientView(p, d)), page, size, rows.total());
  }

  /** Groups overdue rows into one item per patient; {@code patients} makes the patient part. */
  List<OverdueView> overdueViews(
      List<OverdueRow> rows, LocalDate d, Function<PatientColumns, WorklistPatientView> patients) {
    return group(
        rows,
        r -> r.patient(),
        (patient, list) -> {
          List<OverdueView.DiseaseView> diseases = new ArrayList<>();
          LocalDate since = null;
          for (OverdueRow r : list) {
            List<OverdueReason> reasons = new ArrayList<>();
            if (r.periodDue() != null) {
              reasons.add(OverdueReason.NO_FACE_TO_FACE_THIS_PERIOD);
            }
            if (r.nextDue() != null) {
              reasons.add(OverdueReason.NEXT_VISIT_DATE_PASSED);
            }
            diseases.add(
                new OverdueView.DiseaseView(
                    Disease.valueOf(r.disease()),
                    List.copyOf(reasons),
                    r.overdueSince(),
                    days(r.overdueSince(), d),
                    r.lastVisitDate(),
                    mode(r.lastMode()),
                    r.lastFaceToFaceDate(),
                    classification(r.lastClassification()),
                    r.nextVisitDate()));
            since = since == null || r.overdueSince().isBefore(since) ? r.overdueSince() : since;
          }
          return new OverdueView(
              patients.apply(patient),
              "LOST_TO_FOLLOW_UP".equals(patient.status()),
              since,
              days(since, d),
              List.copyOf(diseases));
        });
  }

  WorklistPage<RecheckView> rechecks(
      String villageCode, @Nullable LocalDate date, int page, int size, CurrentUser user) {
    RegionView village = readableVillage(villageCode, user);
    LocalDate d = dateOrToday(date);
    WorklistRepository.Page<RecheckRow> rows =
        repository.rechecks(villageCode, window(d), offset(page, size), size);
    List<RecheckView> items =
        group(
            rows.rows(),
            r -> r.patient(),
            (patient, list) -> {
              List<RecheckView.DiseaseView> diseases = new ArrayList<>();
              LocalDate due = null;
              for (RecheckRow r : list) {
                LocalDate dueDate = r.visitDate().plusDays(config.recheckDays());
                diseases.add(
                    new RecheckView.DiseaseView(
                        Disease.valueOf(r.disease()),
                        r.followUpId(),
                        r.visitDate(),
                        VisitMode.valueOf(r.mode()),
                        classification(r.classification()),
                        r.systolic(),
                        r.diastolic(),
                        r.fastingGlucose(),
                        r.nextVisitDate(),
                        dueDate,
                        days(d, dueDate),
                        dueDate.isBefore(d)));
                due = due == null || dueDate.isBefore(due) ? dueDate : due;
              }
              return new RecheckView(
                  patientView(patient, d),
                  due,
                  days(d, due),
                  due.isBefore(d),
                  List.copyOf(diseases));
            });
    return page(village, d, items, page, size, rows.total());
  }

  WorklistPage<ReferralView> referrals(
      String villageCode, @Nullable LocalDate date, int page, int size, CurrentUser user) {
    RegionView village = readableVillage(villageCode, user);
    LocalDate d = dateOrToday(date);
    WorklistRepository.Page<ReferralRow> rows =
        repository.referrals(villageCode, window(d), offset(page, size), size);
    return page(
        village,
        d,
        referralViews(rows.rows(), d, p -> patientView(p, d)),
        page,
        size,
        rows.total());
  }

  /** Groups referral rows into one item per patient; {@code patients} makes the patient part. */
  List<ReferralView> referralViews(
      List<ReferralRow> rows, LocalDate d, Function<PatientColumns, WorklistPatientView> patients) {
    return group(
        rows,
        r -> r.patient(),
        (patient, list) -> {
          List<ReferralView.DiseaseView> diseases = new ArrayList<>();
          LocalDate due = null;
          for (ReferralRow r : list) {
            LocalDate dueDate = r.visitDate().plusDays(config.referralFollowUpDays());
            NextStep step = r.nextStep() == null ? null : NextStep.valueOf(r.nextStep());
            diseases.add(
                new ReferralView.DiseaseView(
                    Disease.valueOf(r.disease()),
                    r.followUpId(),
                    r.visitDate(),
                    VisitMode.valueOf(r.mode()),
                    r.urgentReferral() || step == NextStep.URGENT_REFERRAL,
                    step,
                    classification(r.classification()),
                    dangerSigns(r.dangerSigns()),
                    r.reason(),
                    r.facility(),
                    r.department(),
                    dueDate,
                    days(d, dueDate),
                    dueDate.isBefore(d)));
            due = due == null || dueDate.isBefore(due) ? dueDate : due;
          }
          return new ReferralView(
              patients.apply(patient), due, days(d, due), due.isBefore(d), List.copyOf(diseases));
        });
  }

  WorklistPage<AnnualCheckView> annualChecks(
      String villageCode, @Nullable LocalDate date, int page, int size, CurrentUser user) {
    RegionView village = readableVillage(villageCode, user);
    LocalDate d = dateOrToday(date);
    WorklistRepository.Page<AnnualCheckRow> rows =
        repository.annualChecks(villageCode, window(d), offset(page, size), size);
    List<AnnualCheckView> items =
        group(
            rows.rows(),
            r -> r.patient(),
            (patient, list) -> {
              List<AnnualCheckView.DiseaseView> diseases = new ArrayList<>();
              LocalDate oldest = null;
              boolean never = false;
              for (AnnualCheckRow r : list) {
                diseases.add(
                    new AnnualCheckView.DiseaseView(
                        Disease.valueOf(r.disease()), r.lastCheck(), r.lastFaceToFaceDate()));
                if (r.lastCheck() == null) {
                  never = true;
                } else if (oldest == null || r.lastCheck().isBefore(oldest)) {
                  oldest = r.lastCheck();
                }
              }
              return new AnnualCheckView(
                  patientView(patient, d), never ? null : oldest, List.copyOf(diseases));
            });
    return page(village, d, items, page, size, rows.total());
  }

  /** Returns the counts of every list for every village the caller may read, in code order. */
  WorklistSummaryView summary(@Nullable LocalDate date, CurrentUser user) {
    LocalDate d = dateOrToday(date);
    List<WorklistRepository.VillageRow> villages =
        repository.villagesOfCounty(user.countyCode()).stream()
            .filter(v -> user.canRead(v.code()))
            .toList();
    Map<String, WorklistSummaryView.Counts> counts = new LinkedHashMap<>();
    for (WorklistRepository.CountRow row :
        repository.counts(
            villages.stream().map(WorklistRepository.VillageRow::code).toList(), window(d))) {
      counts.put(row.villageCode(), row.counts());
    }
    List<WorklistSummaryView.VillageView> out = new ArrayList<>();
    WorklistSummaryView.Counts totals = WorklistSummaryView.Counts.ZERO;
    for (WorklistRepository.VillageRow v : villages) {
      WorklistSummaryView.Counts villageCounts =
          counts.getOrDefault(v.code(), WorklistSummaryView.Counts.ZERO);
      out.add(
          new WorklistSummaryView.VillageView(v.code(), v.name(), v.townshipCode(), villageCounts));
      totals = totals.plus(villageCounts);
    }
    return new WorklistSummaryView(
        d,
        config.periodStart(d),
        config.periodEnd(d),
        config.yearStart(d),
        config.yearEnd(d),
        List.copyOf(out),
        totals);
  }

  /** Returns today's date in China Standard Time. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  LocalDate dateOrToday(@Nullable LocalDate date) {
    return date != null ? date : today();
  }

  Window window(LocalDate d) {
    return new Window(
        d,
        config.periodStart(d),
        config.yearStart(d),
        d.minusDays(config.recheckDays()),
        d.minusDays(config.referralFollowUpDays()));
  }

  private RegionView readableVillage(String code, CurrentUser user) {
    RegionView village =
        regions
            .find(code)
            .filter(r -> r.level() == RegionLevel.VILLAGE)
            .orElseThrow(() -> new ApiException(WorklistError.VILLAGE_NOT_FOUND));
    if (!user.canRead(code)) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    return village;
  }

  private <T> WorklistPage<T> page(
      RegionView village, LocalDate d, List<T> items, int page, int size, long total) {
    return new WorklistPage<>(
        village.code(),
        village.name(),
        d,
        config.periodStart(d),
        config.periodEnd(d),
        config.yearStart(d),
        config.yearEnd(d),
        items,
        page,
        size,
        total);
  }

  static int offset(int page, int size) {
    return Math.multiplyExact(page, size);
  }

  /**
   * Groups consecutive rows of the same patient (the queries return them together) into one item.
   */
  private static <R, T> List<T> group(
      List<R> rows,
      Function<R, PatientColumns> patientOf,
      BiFunction<PatientColumns, List<R>, T> item) {
    Map<UUID, List<R>> byPatient = new LinkedHashMap<>();
    Map<UUID, PatientColumns> patients = new LinkedHashMap<>();
    for (R row : rows) {
      PatientColumns p = patientOf.apply(row);
      byPatient.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(row);
      patients.putIfAbsent(p.id(), p);
    }
    List<T> out = new ArrayList<>();
    byPatient.forEach((id, list) -> out.add(item.apply(patients.get(id), list)));
    return List.copyOf(out);
  }

  static WorklistPatientView patientView(PatientColumns p, LocalDate d) {
    return new WorklistPatientView(
        p.id(),
        p.name(),
        Sex.valueOf(p.sex()),
        Period.between(p.birthDate(), d).getYears(),
        p.phone(),
        p.address(),
        p.villageCode(),
        p.status(),
        null,
        null,
        null,
        null);
  }

  static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to);
  }

  private static @Nullable VisitMode mode(@Nullable String mode) {
    return mode == null ? null : VisitMode.valueOf(mode);
  }

  static @Nullable Classification classification(@Nullable String c) {
    return c == null ? null : Classification.valueOf(c);
  }

  static List<DangerSign> dangerSigns(@Nullable String joined) {
    List<DangerSign> out = new ArrayList<>();
    if (joined != null) {
      for (String name : joined.split(",")) {
        if (!name.isBlank()) {
          out.add(DangerSign.valueOf(name.strip()));
        }
      }
    }
    return List.copyOf(out);
  }
}
