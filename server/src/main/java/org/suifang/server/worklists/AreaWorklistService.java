package org.suifang.server.worklists;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.suifang.rules.Disease;
import org.suifang.rules.NextStep;
import org.suifang.rules.VisitMode;
import org.suifang.server.audit.AuditAction;
import org.suifang.server.audit.AuditLog;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.regions.RegionLevel;
import org.suifang.server.regions.RegionService;
import org.suifang.server.regions.RegionView;
import org.suifang.server.users.User;
import org.suifang.server.users.UserService;
import org.suifang.server.worklists.WorklistRepository.AtRiskRow;
import org.suifang.server.worklists.WorklistRepository.DangerSignRow;
import org.suifang.server.worklists.WorklistRepository.PatientColumns;
import org.suifang.server.worklists.WorklistRepository.Window;

/**
 * The worklists of the supervisors' dashboard: the rules of {@link WorklistService} (overdue,
 * referrals) and two lists of their own (danger-sign visits, at risk of missing the yearly visit
 * count) over every village of the caller's area, filterable by village and by the patients'
 * doctor. See docs/worklists.md#dashboard-lists.
 *
 * <p>Resident ID numbers are masked ({@link ResidentIdMask}) unless {@code unmasked} is asked for;
 * an unmasked read is written to the audit log before the data is returned, as is every export.
 */
@Singleton
public class AreaWorklistService {

  private final WorklistService worklists;
  private final WorklistRepository repository;
  private final WorklistConfiguration config;
  private final AtRiskConfiguration atRisk;
  private final RegionService regions;
  private final UserService users;
  private final AuditLog audit;

  AreaWorklistService(
      WorklistService worklists,
      WorklistRepository repository,
      WorklistConfiguration config,
      AtRiskConfiguration atRisk,
      RegionService regions,
      UserService users,
      AuditLog audit) {
    this.worklists = worklists;
    this.repository = repository;
    this.config = config;
    this.atRisk = atRisk;
    this.regions = regions;
    this.users = users;
    this.audit = audit;
  }

  /**
   * What a list is asked for.
   *
   * @param village only this village (must be readable), or null for the whole area
   * @param doctor only the patients of this village doctor, or null for all
   * @param date the reference date, or null for today (China Standard Time)
   * @param unmasked show resident ID numbers in full
   */
  public record Filter(
      @Nullable String village,
      @Nullable UUID doctor,
      @Nullable LocalDate date,
      boolean unmasked) {}

  /**
   * The checked scope of a request: the villages, their names, the doctor and the date.
   *
   * @param villageNames the villages to list, by code, in code order
   */
  record Scope(
      @Nullable String village,
      Map<String, String> villageNames,
      @Nullable UUID doctor,
      LocalDate date,
      boolean unmasked) {

    List<String> villages() {
      return List.copyOf(villageNames.keySet());
    }
  }

  /** A village of the caller's area, for the page's filter. */
  public record VillageOption(String code, String name) {}

  /** A village doctor of the caller's area, for the page's filter. */
  public record DoctorOption(UUID id, String name) {}

  /** Returns the villages the caller may read, in code order. */
  public List<VillageOption> villages(CurrentUser user) {
    return repository.villagesOfCounty(user.countyCode()).stream()
        .filter(v -> user.canRead(v.code()))
        .map(v -> new VillageOption(v.code(), v.name()))
        .toList();
  }

  /** Returns the village doctors of the caller's area, by name. */
  public List<DoctorOption> doctors(CurrentUser user) {
    List<String> villages = villages(user).stream().map(VillageOption::code).toList();
    return repository.doctorsOf(villages).stream()
        .map(d -> new DoctorOption(d.id(), d.name()))
        .toList();
  }

  /**
   * Checks the filter against the caller's area.
   *
   * @throws ApiException {@link WorklistError#VILLAGE_NOT_FOUND}, {@link
   *     WorklistError#DOCTOR_NOT_FOUND}, or {@link CommonError#FORBIDDEN} for a village or doctor
   *     outside the caller's area
   */
  Scope scope(Filter filter, CurrentUser user) {
    Map<String, String> names = new LinkedHashMap<>();
    if (filter.village() != null) {
      RegionView village =
          regions
              .find(filter.village())
              .filter(r -> r.level() == RegionLevel.VILLAGE)
              .orElseThrow(() -> new ApiException(WorklistError.VILLAGE_NOT_FOUND));
      if (!user.canRead(village.code())) {
        throw new ApiException(CommonError.FORBIDDEN);
      }
      names.put(village.code(), village.name());
    } else {
      for (VillageOption v : villages(user)) {
        names.put(v.code(), v.name());
      }
    }
    if (filter.doctor() != null) {
      User doctor =
          users
              .findById(filter.doctor())
              .filter(u -> u.role() == Role.VILLAGE_DOCTOR)
              .orElseThrow(() -> new ApiException(WorklistError.DOCTOR_NOT_FOUND));
      if (users.villageCodes(doctor.id()).stream().noneMatch(user::canRead)) {
        throw new ApiException(CommonError.FORBIDDEN);
      }
    }
    return new Scope(
        filter.village(),
        names,
        filter.doctor(),
        worklists.dateOrToday(filter.date()),
        filter.unmasked());
  }

  /** Returns one page of the overdue list; see {@link WorklistService#overdue}. */
  public AreaWorklistPage<OverdueView> overdue(
      Filter filter, int page, int size, CurrentUser user, @Nullable HttpRequest<?> request) {
    Scope scope = readScope(AreaList.OVERDUE, filter, user, request);
    return overdue(scope, WorklistService.offset(page, size), size, page);
  }

  /** Returns one page of the referral list; see {@link WorklistService#referrals}. */
  public AreaWorklistPage<ReferralView> referrals(
      Filter filter, int page, int size, CurrentUser user, @Nullable HttpRequest<?> request) {
    Scope scope = readScope(AreaList.REFERRALS, filter, user, request);
    return referrals(scope, WorklistService.offset(page, size), size, page);
  }

  /** Returns one page of the danger-sign visits of the last 14 days, by visit. */
  public AreaWorklistPage<DangerSignVisitView> dangerSigns(
      Filter filter, int page, int size, CurrentUser user, @Nullable HttpRequest<?> request) {
    Scope scope = readScope(AreaList.DANGER_SIGNS, filter, user, request);
    return dangerSigns(scope, WorklistService.offset(page, size), size, page);
  }

  /** Returns one page of the patients at risk of missing the yearly visit count. */
  public AreaWorklistPage<AtRiskView> atRisk(
      Filter filter, int page, int size, CurrentUser user, @Nullable HttpRequest<?> request) {
    Scope scope = readScope(AreaList.AT_RISK, filter, user, request);
    return atRisk(scope, WorklistService.offset(page, size), size, page);
  }

  /**
   * Returns how many entries each list has for the filter (the dashboard's tab counts). The list on
   * show is not computed again: its total is {@code shownTotal}.
   */
  public Map<AreaList, Long> counts(
      Filter filter, CurrentUser user, AreaList shown, long shownTotal) {
    Scope scope = scope(filter, user);
    Map<AreaList, Long> out = new LinkedHashMap<>();
    for (AreaList list : AreaList.values()) {
      long total =
          list == shown
              ? shownTotal
              : switch (list) {
                case OVERDUE -> overdue(scope, 0, 1, 0).total();
                case REFERRALS -> referrals(scope, 0, 1, 0).total();
                case DANGER_SIGNS -> dangerSigns(scope, 0, 1, 0).total();
                case AT_RISK -> atRisk(scope, 0, 1, 0).total();
              };
      out.put(list, total);
    }
    return out;
  }

  /**
   * Returns every entry of the list for a CSV export, after writing the export to the audit log
   * ({@code EXPORT}, or {@code EXPORT_UNMASKED} with full ID numbers), with its parameters.
   */
  AreaWorklistPage<?> export(
      AreaList list, Filter filter, CurrentUser user, @Nullable HttpRequest<?> request) {
    Scope scope = scope(filter, user);
    AreaWorklistPage<?> all =
        switch (list) {
          case OVERDUE -> overdue(scope, 0, Integer.MAX_VALUE, 0);
          case REFERRALS -> referrals(scope, 0, Integer.MAX_VALUE, 0);
          case DANGER_SIGNS -> dangerSigns(scope, 0, Integer.MAX_VALUE, 0);
          case AT_RISK -> atRisk(scope, 0, Integer.MAX_VALUE, 0);
        };
    audit.record(
        user,
        request,
        scope.unmasked() ? AuditAction.EXPORT_UNMASKED : AuditAction.EXPORT,
        "WORKLIST",
        list.path(),
        detail("csv", list, scope, all.total()));
    return all;
  }

  private Scope readScope(
      AreaList list, Filter filter, CurrentUser user, @Nullable HttpRequest<?> request) {
    Scope scope = scope(filter, user);
    if (scope.unmasked()) {
      // Full ID numbers on screen or in JSON are an export of sensitive data too.
      audit.record(
          user,
          request,
          AuditAction.EXPORT_UNMASKED,
          "WORKLIST",
          list.path(),
          detail("json", list, scope, -1));
    }
    return scope;
  }

  private static String detail(String format, AreaList list, Scope scope, long rows) {
    StringBuilder s = new StringBuilder();
    s.append("list=").append(list.path()).append(" format=").append(format);
    s.append(" date=").append(scope.date());
    if (scope.village() != null) {
      s.append(" village=").append(scope.village());
    }
    if (scope.doctor() != null) {
      s.append(" doctor=").append(scope.doctor());
    }
    s.append(" unmasked=").append(scope.unmasked());
    if (rows >= 0) {
      s.append(" rows=").append(rows);
    }
    return s.toString();
  }

  private AreaWorklistPage<OverdueView> overdue(Scope scope, int offset, int limit, int page) {
    Window window = worklists.window(scope.date());
    WorklistRepository.Page<WorklistRepository.OverdueRow> rows =
        repository.overdue(scope.villages(), scope.doctor(), window, offset, limit);
    Function<PatientColumns, WorklistPatientView> patients =
        patients(scope, rows.rows().stream().map(WorklistRepository.OverdueRow::patient).toList());
    return page(
        AreaList.OVERDUE,
        scope,
        worklists.overdueViews(rows.rows(), scope.date(), patients),
        page,
        limit,
        rows.total());
  }

  private AreaWorklistPage<ReferralView> referrals(Scope scope, int offset, int limit, int page) {
    Window window = worklists.window(scope.date());
    WorklistRepository.Page<WorklistRepository.ReferralRow> rows =
        repository.referrals(scope.villages(), scope.doctor(), window, offset, limit);
    Function<PatientColumns, WorklistPatientView> patients =
        patients(scope, rows.rows().stream().map(WorklistRepository.ReferralRow::patient).toList());
    return page(
        AreaList.REFERRALS,
        scope,
        worklists.referralViews(rows.rows(), scope.date(), patients),
        page,
        limit,
        rows.total());
  }

  private AreaWorklistPage<DangerSignVisitView> dangerSigns(
      Scope scope, int offset, int limit, int page) {
    LocalDate d = scope.date();
    Window window = worklists.window(d);
    WorklistRepository.Page<DangerSignRow> rows =
        repository.dangerSigns(
            scope.villages(),
            scope.doctor(),
            window,
            d.minusDays(config.referralFollowUpDays()),
            offset,
            limit);
    Set<UUID> signers = new HashSet<>();
    rows.rows().forEach(r -> signers.add(r.signedBy()));
    Function<PatientColumns, WorklistPatientView> patients =
        patients(scope, rows.rows().stream().map(DangerSignRow::patient).toList(), signers);
    Map<UUID, String> names = repository.userNames(signers);
    List<DangerSignVisitView> items = new ArrayList<>();
    for (DangerSignRow r : rows.rows()) {
      NextStep step = r.nextStep() == null ? null : NextStep.valueOf(r.nextStep());
      items.add(
          new DangerSignVisitView(
              patients.apply(r.patient()),
              Disease.valueOf(r.disease()),
              r.followUpId(),
              r.visitDate(),
              VisitMode.valueOf(r.mode()),
              WorklistService.dangerSigns(r.dangerSigns()).stream()
                  .map(DangerSignVisitView.SignView::of)
                  .toList(),
              r.urgentReferral() || step == NextStep.URGENT_REFERRAL,
              step,
              WorklistService.classification(r.classification()),
              r.signedBy(),
              names.get(r.signedBy()),
              r.reason(),
              r.facility(),
              r.department(),
              r.visitDate().plusDays(config.referralFollowUpDays()),
              r.laterVisitDate() != null,
              r.laterVisitDate()));
    }
    return page(AreaList.DANGER_SIGNS, scope, List.copyOf(items), page, limit, rows.total());
  }

  private AreaWorklistPage<AtRiskView> atRisk(Scope scope, int offset, int limit, int page) {
    LocalDate d = scope.date();
    List<AtRiskRow> rows =
        repository.atRiskCandidates(scope.villages(), scope.doctor(), worklists.window(d));
    Map<UUID, List<AtRiskView.DiseaseView>> byPatient = new LinkedHashMap<>();
    Map<UUID, PatientColumns> patientsById = new LinkedHashMap<>();
    for (AtRiskRow r : rows) {
      AtRiskView.DiseaseView disease = assessAtRisk(r, d);
      if (disease != null) {
        byPatient.computeIfAbsent(r.patient().id(), k -> new ArrayList<>()).add(disease);
        patientsById.putIfAbsent(r.patient().id(), r.patient());
      }
    }
    record Entry(PatientColumns patient, List<AtRiskView.DiseaseView> diseases, int shortfall) {
      boolean visitThisPeriod() {
        return diseases.stream().allMatch(AtRiskView.DiseaseView::visitThisPeriod);
      }
    }
    List<Entry> entries = new ArrayList<>();
    byPatient.forEach(
        (id, diseases) -> {
          diseases.sort(Comparator.comparing(AtRiskView.DiseaseView::disease));
          int shortfall =
              diseases.stream().mapToInt(AtRiskView.DiseaseView::shortfall).max().orElse(0);
          entries.add(new Entry(patientsById.get(id), List.copyOf(diseases), shortfall));
        });
    // Most urgent first: the largest shortfall, then no visit yet this period, then by name.
    entries.sort(
        Comparator.comparingInt((Entry e) -> -e.shortfall())
            .thenComparing(Entry::visitThisPeriod)
            .thenComparing(e -> e.patient().name())
            .thenComparing(e -> e.patient().id()));
    long total = entries.size();
    List<Entry> pageEntries =
        entries.subList(
            (int) Math.min(offset, total), (int) Math.min((long) offset + limit, total));
    Function<PatientColumns, WorklistPatientView> patients =
        patients(scope, pageEntries.stream().map(Entry::patient).toList());
    List<AtRiskView> items =
        pageEntries.stream()
            .map(e -> new AtRiskView(patients.apply(e.patient()), e.shortfall(), e.diseases()))
            .toList();
    return page(AreaList.AT_RISK, scope, items, page, limit, total);
  }

  /**
   * Applies the at-risk rule to one disease
   * (docs/worklists.md#at-risk-of-missing-the-yearly-count); returns null when the disease is not
   * at risk.
   */
  @Nullable
  AtRiskView.DiseaseView assessAtRisk(AtRiskRow r, LocalDate d) {
    LocalDate yearStart = config.yearStart(d);
    LocalDate yearEnd = config.yearEnd(d);
    LocalDate registeredOn = r.patient().registeredAt().atZone(WorklistService.CHINA).toLocalDate();
    int required = required(atRisk, registeredOn, yearStart, yearEnd);
    int done = r.faceToFaceThisYear();
    if (done >= required) {
      return null;
    }
    LocalDate periodStart = config.periodStart(d);
    LocalDate periodEnd = config.periodEnd(d);
    boolean visitThisPeriod =
        r.lastFaceToFaceDate() != null && !r.lastFaceToFaceDate().isBefore(periodStart);
    int periodsAfter =
        (int)
            (ChronoUnit.MONTHS.between(periodEnd.plusDays(1), yearEnd.plusDays(1))
                / config.faceToFacePeriodMonths());
    int periodsLeft = periodsAfter + (visitThisPeriod ? 0 : 1);
    int reachable = done + periodsLeft;
    List<AtRiskReason> reasons = new ArrayList<>();
    if (reachable < required) {
      reasons.add(AtRiskReason.CANNOT_REACH_REQUIRED);
    }
    if (!visitThisPeriod && !d.isBefore(periodEnd.withDayOfMonth(1))) {
      reasons.add(AtRiskReason.NO_VISIT_LAST_MONTH_OF_PERIOD);
    }
    if (reasons.isEmpty()) {
      return null;
    }
    return new AtRiskView.DiseaseView(
        Disease.valueOf(r.disease()),
        registeredOn,
        required,
        done,
        visitThisPeriod,
        periodsLeft,
        reachable,
        Math.max(0, required - reachable),
        r.lastFaceToFaceDate(),
        List.copyOf(reasons));
  }

  /**
   * Returns the visits needed this year: all of them for a patient registered before the year, else
   * (when pro-rating) the share of the months left, from the registration month on, rounded up.
   */
  static int required(
      AtRiskConfiguration atRisk, LocalDate registeredOn, LocalDate yearStart, LocalDate yearEnd) {
    int full = atRisk.requiredVisitsPerYear();
    if (!atRisk.proRate() || registeredOn.isBefore(yearStart)) {
      return full;
    }
    long monthsLeft =
        ChronoUnit.MONTHS.between(registeredOn.withDayOfMonth(1), yearEnd.plusDays(1));
    return (int) Math.max(1, (full * monthsLeft + 11) / 12);
  }

  private Function<PatientColumns, WorklistPatientView> patients(
      Scope scope, List<PatientColumns> rows) {
    return patients(scope, rows, Set.of());
  }

  /** Returns the patient part of an entry with the area columns; loads the doctors' names once. */
  private Function<PatientColumns, WorklistPatientView> patients(
      Scope scope, List<PatientColumns> rows, Set<UUID> moreUsers) {
    Set<UUID> ids = new HashSet<>(moreUsers);
    rows.forEach(
        p -> {
          if (p.doctorId() != null) {
            ids.add(p.doctorId());
          }
        });
    Map<UUID, String> names = repository.userNames(ids);
    LocalDate d = scope.date();
    return p ->
        WorklistService.patientView(p, d)
            .withArea(
                scope.unmasked() ? p.residentId() : ResidentIdMask.mask(p.residentId()),
                scope.villageNames().get(p.villageCode()),
                p.doctorId(),
                p.doctorId() == null ? null : names.get(p.doctorId()));
  }

  private <T> AreaWorklistPage<T> page(
      AreaList list, Scope scope, List<T> items, int page, int size, long total) {
    LocalDate d = scope.date();
    return new AreaWorklistPage<>(
        list.path(),
        d,
        config.periodStart(d),
        config.periodEnd(d),
        config.yearStart(d),
        config.yearEnd(d),
        scope.village(),
        scope.doctor(),
        scope.unmasked(),
        items,
        page,
        size,
        total);
  }
}
