package org.suifang.server.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.suifang.rules.Disease;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.reports.IndicatorCalculator.Outcome;
import org.suifang.server.reports.IndicatorFacts.PatientFact;
import org.suifang.server.reports.IndicatorFacts.VisitFact;
import org.suifang.server.reports.IndicatorReport.AreaView;
import org.suifang.server.reports.IndicatorReport.DiseaseFigures;
import org.suifang.server.reports.IndicatorReport.Formulas;
import org.suifang.server.reports.IndicatorReport.Freshness;
import org.suifang.server.reports.IndicatorReport.Row;
import org.suifang.server.reports.IndicatorReport.SettingsView;
import org.suifang.server.reports.IndicatorRepository.RegionRow;
import org.suifang.server.reports.PopulationEstimateRepository.Estimate;
import org.suifang.server.sync.ChangeSequencer;

/**
 * Computes the supervisors' indicators (domain.md §5) of an area for a period, grouped by township,
 * village or doctor, and their four-quarter trend. Every call reads the database afresh (one
 * statement per table), so the figures are never older than the latest committed sync; {@code
 * asOfSeq} says which change sequence they include at least.
 *
 * <p>Access: supervisors and administrators only; the area must be within the caller's ({@link
 * CurrentUser#canRead}): a supervisor's township or one of its villages, an administrator's county
 * or anything in it. Another area is {@link CommonError#FORBIDDEN}; a malformed or unknown one
 * {@link ReportError#REPORT_AREA_INVALID}.
 */
@Singleton
class IndicatorService {

  /** Report dates are China Standard Time dates. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** How rows are grouped. */
  enum GroupBy {
    TOWNSHIP,
    VILLAGE,
    DOCTOR;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static @Nullable GroupBy parse(String text) {
      for (GroupBy g : values()) {
        if (g.code().equalsIgnoreCase(text.strip())) {
          return g;
        }
      }
      return null;
    }
  }

  /** A checked request: the period, the area, its villages and the grouping. */
  record Query(
      Period period,
      AreaView area,
      List<RegionRow> villages,
      Map<String, RegionRow> townships,
      GroupBy groupBy) {}

  private final IndicatorRepository repository;
  private final PopulationEstimateRepository estimates;
  private final SyncFreshness freshness;
  private final ChangeSequencer sequencer;
  private final StandardManagementSettings settings;
  private final IndicatorConfiguration config;
  private final ReportMessages messages;
  private final Clock clock;

  IndicatorService(
      IndicatorRepository repository,
      PopulationEstimateRepository estimates,
      SyncFreshness freshness,
      ChangeSequencer sequencer,
      StandardManagementSettings settings,
      IndicatorConfiguration config,
      ReportMessages messages,
      Clock clock) {
    this.repository = repository;
    this.estimates = estimates;
    this.freshness = freshness;
    this.sequencer = sequencer;
    this.settings = settings;
    this.config = config;
    this.messages = messages;
    this.clock = clock;
  }

  /** Returns today's date in China Standard Time. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  /**
   * Checks the request parameters (each may be null for its default: the current quarter, the
   * caller's area, townships for an administrator and villages for a supervisor).
   */
  @Transactional(readOnly = true)
  Query query(
      CurrentUser user,
      @Nullable String periodText,
      @Nullable String areaText,
      @Nullable String groupByText) {
    if (user.role() == Role.VILLAGE_DOCTOR) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    LocalDate today = today();
    Period period =
        periodText == null || periodText.isBlank()
            ? Period.quarterOf(today)
            : Period.parse(periodText);
    if (period == null || period.start().isAfter(today)) {
      throw new ApiException(ReportError.REPORT_PERIOD_INVALID);
    }
    GroupBy groupBy;
    if (groupByText == null || groupByText.isBlank()) {
      groupBy = user.role() == Role.COUNTY_ADMIN ? GroupBy.TOWNSHIP : GroupBy.VILLAGE;
    } else {
      groupBy = GroupBy.parse(groupByText);
      if (groupBy == null) {
        throw new ApiException(ReportError.REPORT_GROUP_BY_INVALID);
      }
    }
    String code =
        areaText == null || areaText.isBlank()
            ? (user.townshipCode() != null ? user.townshipCode() : user.countyCode())
            : areaText.strip();
    if (!code.matches("\\d{12}")) {
      throw new ApiException(ReportError.REPORT_AREA_INVALID);
    }
    RegionRow region = repository.region(code);
    if (region == null) {
      throw new ApiException(ReportError.REPORT_AREA_INVALID);
    }
    if (!mayRead(user, region)) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    List<RegionRow> county = repository.regionsOfCounty(user.countyCode());
    List<RegionRow> villages = new ArrayList<>();
    Map<String, RegionRow> townships = new LinkedHashMap<>();
    Map<String, RegionRow> byCode = new HashMap<>();
    county.forEach(r -> byCode.put(r.code(), r));
    for (RegionRow r : county) {
      if ("VILLAGE".equals(r.level()) && within(r, region) && user.canRead(r.code())) {
        villages.add(r);
        RegionRow township = byCode.get(r.parentCode());
        if (township != null) {
          townships.putIfAbsent(township.code(), township);
        }
      }
    }
    return new Query(
        period,
        new AreaView(region.code(), region.level(), region.name()),
        List.copyOf(villages),
        townships,
        groupBy);
  }

  /** Returns the indicator table of the query. */
  @Transactional(readOnly = true)
  IndicatorReport report(Query q) {
    long seq = sequencer.head();
    LocalDate today = today();
    return report(q, load(q, reportWindow(q)), seq, today);
  }

  /** The table and the trend of the overview page, from one read of the patients and visits. */
  @Transactional(readOnly = true)
  Overview overview(Query q) {
    long seq = sequencer.head();
    LocalDate today = today();
    Window table = reportWindow(q);
    Window trend = trendWindow(q, today);
    Facts facts =
        load(
            q,
            new Window(
                table.from().isBefore(trend.from()) ? table.from() : trend.from(),
                table.to().isAfter(trend.to()) ? table.to() : trend.to()));
    return new Overview(report(q, facts, seq, today), trend(q, facts, seq, today));
  }

  /** The overview page's figures. */
  record Overview(IndicatorReport report, IndicatorTrend trend) {}

  /** The dates whose visits a computation reads. */
  private record Window(LocalDate from, LocalDate to) {}

  /** The patients registered by the window's end and their current visits dated in it. */
  private record Facts(List<PatientFact> patients, Map<UUID, List<VisitFact>> visits) {}

  /** From 1 January of the period's year (for the health check of the year) to its end. */
  private static Window reportWindow(Query q) {
    return new Window(LocalDate.of(q.period().year(), 1, 1), q.period().end());
  }

  /** From 1 January of the first trend quarter's year to the last trend quarter's end. */
  private static Window trendWindow(Query q, LocalDate today) {
    List<Period> quarters = trendQuarters(q, today);
    return new Window(LocalDate.of(quarters.get(0).year(), 1, 1), quarters.get(3).end());
  }

  /** The four quarters ending with the period's last quarter that has begun. */
  private static List<Period> trendQuarters(Query q, LocalDate today) {
    LocalDate lastDay = q.period().end().isAfter(today) ? today : q.period().end();
    return Period.fourQuartersEndingWith(Period.quarterOf(lastDay));
  }

  // The calculator ignores visits outside a period and patients registered after it, so one read
  // over the union of the windows serves the table and the trend.
  private Facts load(Query q, Window w) {
    List<String> villageCodes = q.villages().stream().map(RegionRow::code).toList();
    return new Facts(
        repository.patients(villageCodes, w.to()),
        byPatient(repository.visits(villageCodes, w.from(), w.to())));
  }

  private IndicatorReport report(Query q, Facts facts, long seq, LocalDate today) {
    Period period = q.period();
    List<String> villageCodes = q.villages().stream().map(RegionRow::code).toList();
    List<PatientFact> patients = facts.patients();
    Map<UUID, List<VisitFact>> visits = facts.visits();
    Map<UUID, UUID> doctors =
        q.groupBy() == GroupBy.DOCTOR
            ? repository.latestDoctors(villageCodes, period.end())
            : Map.of();
    IndicatorCalculator calculator =
        new IndicatorCalculator(settings, config.countTerminatedInPeriod());

    Function<PatientFact, String> keyOf =
        switch (q.groupBy()) {
          case TOWNSHIP -> p -> townshipOf(p.villageCode());
          case VILLAGE -> PatientFact::villageCode;
          case DOCTOR -> p -> doctors.getOrDefault(p.id(), p.registeredBy()).toString();
        };
    Map<String, EnumMap<Disease, Tally>> tallies = new HashMap<>();
    EnumMap<Disease, Tally> totals = newTallies();
    for (PatientFact p : patients) {
      EnumMap<Disease, Tally> group = tallies.computeIfAbsent(keyOf.apply(p), k -> newTallies());
      for (Disease d : Disease.values()) {
        Outcome o = calculator.outcome(p, d, visits.getOrDefault(p.id(), List.of()), period, today);
        if (o != null) {
          group.get(d).add(o);
          totals.get(d).add(o);
        }
      }
    }

    Map<String, Estimate> estimateByTownship = new HashMap<>();
    for (Estimate e : estimates.find(q.area().code().substring(0, 6), period.year())) {
      estimateByTownship.put(e.townshipCode(), e);
    }

    List<Row> rows = new ArrayList<>();
    switch (q.groupBy()) {
      case TOWNSHIP -> {
        for (RegionRow t : q.townships().values()) {
          Estimate e = estimateByTownship.get(t.code());
          rows.add(
              row(
                  t.code(),
                  t.name(),
                  tallies.get(t.code()),
                  e,
                  freshness.of(
                      villageCodes.stream().filter(v -> townshipOf(v).equals(t.code())).toList())));
        }
      }
      case VILLAGE -> {
        for (RegionRow v : q.villages()) {
          rows.add(
              row(
                  v.code(),
                  v.name(),
                  tallies.get(v.code()),
                  (Estimate) null,
                  freshness.of(List.of(v.code()))));
        }
      }
      case DOCTOR -> {
        Map<UUID, List<String>> villagesOf = repository.villagesOfDoctors(villageCodes);
        Map<UUID, String> names = new HashMap<>();
        repository.doctorsOf(villageCodes).forEach(u -> names.put(u.id(), u.name()));
        Set<UUID> missing = new HashSet<>();
        for (String key : tallies.keySet()) {
          if (!names.containsKey(UUID.fromString(key))) {
            missing.add(UUID.fromString(key));
          }
        }
        repository.users(missing).forEach(u -> names.put(u.id(), u.name()));
        names.entrySet().stream()
            .sorted(
                Map.Entry.<UUID, String>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey()))
            .forEach(
                e ->
                    rows.add(
                        row(
                            e.getKey().toString(),
                            e.getValue(),
                            tallies.get(e.getKey().toString()),
                            (Estimate) null,
                            freshness.of(villagesOf.getOrDefault(e.getKey(), List.of())))));
      }
    }
    Row total =
        estimatedRow(
            "total",
            q.area().name(),
            totals,
            areaEstimate(q, estimateByTownship),
            freshness.of(villageCodes));
    return new IndicatorReport(
        period.label(),
        period.start(),
        period.end(),
        q.area(),
        q.groupBy().code(),
        settingsView(),
        List.copyOf(rows),
        total,
        clock.instant(),
        seq);
  }

  /**
   * Returns the area's totals for the four quarters ending with the period's last quarter that has
   * begun.
   */
  @Transactional(readOnly = true)
  IndicatorTrend trend(Query q) {
    long seq = sequencer.head();
    LocalDate today = today();
    return trend(q, load(q, trendWindow(q, today)), seq, today);
  }

  private IndicatorTrend trend(Query q, Facts facts, long seq, LocalDate today) {
    List<Period> quarters = trendQuarters(q, today);
    List<PatientFact> patients = facts.patients();
    Map<UUID, List<VisitFact>> visits = facts.visits();
    IndicatorCalculator calculator =
        new IndicatorCalculator(settings, config.countTerminatedInPeriod());
    Map<String, Estimate> estimateByTownship = new HashMap<>();
    List<IndicatorTrend.Point> points = new ArrayList<>();
    for (Period quarter : quarters) {
      estimateByTownship.clear();
      for (Estimate e : estimates.find(q.area().code().substring(0, 6), quarter.year())) {
        estimateByTownship.put(e.townshipCode(), e);
      }
      EnumMap<Disease, Tally> totals = newTallies();
      for (PatientFact p : patients) {
        for (Disease d : Disease.values()) {
          Outcome o =
              calculator.outcome(p, d, visits.getOrDefault(p.id(), List.of()), quarter, today);
          if (o != null) {
            totals.get(d).add(o);
          }
        }
      }
      Row row =
          estimatedRow("total", q.area().name(), totals, areaEstimate(q, estimateByTownship), null);
      points.add(new IndicatorTrend.Point(quarter.label(), row.hypertension(), row.diabetes()));
    }
    return new IndicatorTrend(
        q.period().label(),
        q.area(),
        List.copyOf(points),
        config.hypertensionTarget(),
        config.diabetesTarget(),
        clock.instant(),
        seq);
  }

  SettingsView settingsView() {
    return new SettingsView(
        settings,
        config.countTerminatedInPeriod(),
        config.hypertensionTarget(),
        config.diabetesTarget());
  }

  private static boolean mayRead(CurrentUser user, RegionRow region) {
    String code = region.code();
    return switch (region.level()) {
      case "VILLAGE" -> user.canRead(code);
      case "TOWNSHIP" ->
          switch (user.role()) {
            case TOWNSHIP_SUPERVISOR -> code.equals(user.townshipCode());
            case COUNTY_ADMIN -> code.startsWith(user.countyCode().substring(0, 6));
            default -> false;
          };
      case "COUNTY" -> user.role() == Role.COUNTY_ADMIN && code.equals(user.countyCode());
      default -> false;
    };
  }

  private static boolean within(RegionRow village, RegionRow area) {
    return switch (area.level()) {
      case "VILLAGE" -> village.code().equals(area.code());
      case "TOWNSHIP" -> area.code().equals(village.parentCode());
      default -> true;
    };
  }

  private static String townshipOf(String villageCode) {
    return villageCode.substring(0, 9) + "000";
  }

  private static Map<UUID, List<VisitFact>> byPatient(List<VisitFact> visits) {
    Map<UUID, List<VisitFact>> out = new HashMap<>();
    for (VisitFact v : visits) {
      out.computeIfAbsent(v.patientId(), k -> new ArrayList<>()).add(v);
    }
    return out;
  }

  /** The area's estimate: a township's own; a county's when every township has one. */
  private @Nullable EnumMap<Disease, Long> areaEstimate(Query q, Map<String, Estimate> byTownship) {
    if ("VILLAGE".equals(q.area().level()) || q.townships().isEmpty()) {
      return null;
    }
    EnumMap<Disease, Long> sum = new EnumMap<>(Disease.class);
    for (Disease d : Disease.values()) {
      long total = 0;
      for (String township : q.townships().keySet()) {
        Integer n = estimateOf(byTownship.get(township), d);
        if (n == null) {
          total = -1;
          break;
        }
        total += n;
      }
      if (total > 0) {
        sum.put(d, total);
      }
    }
    return sum;
  }

  private static @Nullable Integer estimateOf(@Nullable Estimate e, Disease d) {
    if (e == null) {
      return null;
    }
    return d == Disease.HYPERTENSION ? e.hypertension() : e.diabetes();
  }

  private Row row(
      String key,
      String name,
      @Nullable EnumMap<Disease, Tally> tallies,
      @Nullable Estimate estimate,
      @Nullable Freshness fresh) {
    EnumMap<Disease, Long> estimated = new EnumMap<>(Disease.class);
    for (Disease d : Disease.values()) {
      Integer n = estimateOf(estimate, d);
      if (n != null) {
        estimated.put(d, n.longValue());
      }
    }
    return estimatedRow(key, name, tallies, estimated, fresh);
  }

  private Row estimatedRow(
      String key,
      String name,
      @Nullable EnumMap<Disease, Tally> tallies,
      @Nullable EnumMap<Disease, Long> estimated,
      @Nullable Freshness fresh) {
    EnumMap<Disease, Tally> t = tallies == null ? newTallies() : tallies;
    return new Row(
        key,
        name,
        figures(Disease.HYPERTENSION, t.get(Disease.HYPERTENSION), estimated),
        figures(Disease.DIABETES, t.get(Disease.DIABETES), estimated),
        fresh == null ? new Freshness(0, 0, 0, null, null, 0) : fresh);
  }

  private DiseaseFigures figures(Disease d, Tally t, @Nullable EnumMap<Disease, Long> estimated) {
    Long estimate = estimated == null ? null : estimated.get(d);
    boolean htn = d == Disease.HYPERTENSION;
    Formulas formulas =
        new Formulas(
            messages.formula("reports.formula.visits", t.done, t.due),
            messages.formula("reports.formula.standard", t.standard, t.managed),
            messages.formula(
                htn ? "reports.formula.bp-control" : "reports.formula.glucose-control",
                t.controlled,
                t.managed),
            estimate == null
                ? null
                : messages.formula("reports.formula.health-management", t.managed, estimate));
    return new DiseaseFigures(
        t.managed,
        t.done,
        t.due,
        t.standard,
        rate(t.standard, t.managed),
        htn ? config.hypertensionTarget() : config.diabetesTarget(),
        t.controlled,
        rate(t.controlled, t.managed),
        estimate,
        estimate == null ? null : rate(t.managed, estimate),
        formulas);
  }

  /** Returns 100 × part ÷ whole rounded half up to one decimal, or null for a zero whole. */
  static @Nullable BigDecimal rate(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  private static EnumMap<Disease, Tally> newTallies() {
    EnumMap<Disease, Tally> m = new EnumMap<>(Disease.class);
    for (Disease d : Disease.values()) {
      m.put(d, new Tally());
    }
    return m;
  }

  /** Running sums of one disease's figures over a group's patients. */
  private static final class Tally {
    long managed;
    long due;
    long done;
    long standard;
    long controlled;

    void add(Outcome o) {
      managed++;
      due += o.due();
      done += o.done();
      standard += o.standard() ? 1 : 0;
      controlled += o.controlled() ? 1 : 0;
    }
  }
}
