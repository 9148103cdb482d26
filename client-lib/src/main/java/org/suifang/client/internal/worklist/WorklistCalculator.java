package org.suifang.client.internal.worklist;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.suifang.client.AnnualCheckDisease;
import org.suifang.client.AnnualCheckEntry;
import org.suifang.client.DueEntry;
import org.suifang.client.ManagementStatus;
import org.suifang.client.OverdueDisease;
import org.suifang.client.OverdueEntry;
import org.suifang.client.OverdueReason;
import org.suifang.client.RecheckDisease;
import org.suifang.client.Referral;
import org.suifang.client.ReferralDisease;
import org.suifang.client.VisitForm;
import org.suifang.client.WorklistPatient;
import org.suifang.client.WorklistSettings;
import org.suifang.client.internal.state.AssessmentData;
import org.suifang.client.internal.state.PatientData;
import org.suifang.client.internal.state.ReadModel;
import org.suifang.client.internal.state.VisitData;
import org.suifang.rules.Classification;
import org.suifang.rules.DangerSign;
import org.suifang.rules.Disease;
import org.suifang.rules.NextStep;
import org.suifang.rules.VisitMode;

/**
 * Computes the worklists of a village for a reference date from the device's records, following
 * docs/worklists.md and the server's SQL: patients ACTIVE (and LOST_TO_FOLLOW_UP on the overdue
 * list only), each managed disease judged separately from its current visits (not voided, not
 * superseded, dated on or before the reference date), face-to-face meaning CLINIC or HOME. Each
 * list is sorted as the server pages it: a patient is as urgent as their most urgent disease, then
 * patients under management first, then by name and id.
 */
public final class WorklistCalculator {
  private final ReadModel model;
  private final WorklistSettings settings;

  public WorklistCalculator(ReadModel model, WorklistSettings settings) {
    this.model = model;
    this.settings = settings;
  }

  /** What the lists need to know about one patient's visits of one disease. */
  private static final class Summary {
    final PatientData patient;
    final Disease disease;
    @Nullable VisitData last;
    @Nullable VisitData faceToFace;
    @Nullable VisitData managing;
    @Nullable LocalDate lastCheck;

    Summary(PatientData patient, Disease disease) {
      this.patient = patient;
      this.disease = disease;
    }
  }

  /** One row of a list (a patient and disease) with its sort date. */
  private static final class Row<T> {
    final Summary summary;
    final LocalDate sortDate;
    final T item;

    Row(Summary summary, LocalDate sortDate, T item) {
      this.summary = summary;
      this.sortDate = sortDate;
      this.item = item;
    }
  }

  /** Builds one list entry from the rows of a patient. */
  private interface EntryMaker<T, E> {
    E make(WorklistPatient patient, List<Row<T>> rows);
  }

  public List<OverdueEntry> overdue(String villageCode, final LocalDate d) {
    final LocalDate periodStart = settings.periodStart(d);
    List<Row<OverdueDisease>> rows = new ArrayList<>();
    for (Summary s : summaries(villageCode, d)) {
      LocalDate f2fDate = s.faceToFace == null ? null : s.faceToFace.visitDate();
      LocalDate lastNext = s.last == null ? null : nextVisitDate(s.last);
      LocalDate periodDue = f2fDate == null || f2fDate.isBefore(periodStart) ? periodStart : null;
      LocalDate nextDue = lastNext != null && lastNext.isBefore(d) ? lastNext : null;
      if (periodDue == null && nextDue == null) {
        continue;
      }
      List<OverdueReason> reasons = new ArrayList<>();
      if (periodDue != null) {
        reasons.add(OverdueReason.NO_FACE_TO_FACE_THIS_PERIOD);
      }
      if (nextDue != null) {
        reasons.add(OverdueReason.NEXT_VISIT_DATE_PASSED);
      }
      LocalDate since =
          periodDue == null
              ? nextDue
              : nextDue == null || !periodDue.isAfter(nextDue) ? periodDue : nextDue;
      OverdueDisease item =
          OverdueDisease.newBuilder()
              .disease(s.disease)
              .reasons(reasons)
              .overdueSince(since)
              .daysOverdue(days(since, d))
              .lastVisitDate(s.last == null ? null : s.last.visitDate())
              .lastVisitMode(s.last == null ? null : s.last.requireForm().mode())
              .lastFaceToFaceDate(f2fDate)
              .lastClassification(s.faceToFace == null ? null : classification(s.faceToFace))
              .nextVisitDate(lastNext)
              .build();
      rows.add(new Row<>(s, since, item));
    }
    return entries(
        rows,
        d,
        new EntryMaker<OverdueDisease, OverdueEntry>() {
          @Override
          public OverdueEntry make(WorklistPatient patient, List<Row<OverdueDisease>> list) {
            LocalDate since = null;
            List<OverdueDisease> diseases = new ArrayList<>();
            for (Row<OverdueDisease> r : list) {
              diseases.add(r.item);
              since = since == null || r.sortDate.isBefore(since) ? r.sortDate : since;
            }
            return OverdueEntry.newBuilder()
                .patient(patient)
                .lostToFollowUp(patient.status() == ManagementStatus.LOST_TO_FOLLOW_UP)
                .overdueSince(since)
                .daysOverdue(days(since, d))
                .diseases(diseases)
                .build();
          }
        });
  }

  public List<DueEntry<RecheckDisease>> rechecks(String villageCode, final LocalDate d) {
    List<Row<RecheckDisease>> rows = new ArrayList<>();
    for (Summary s : summaries(villageCode, d)) {
      VisitData m = s.managing;
      if (!isActive(s.patient) || m == null) {
        continue;
      }
      AssessmentData a = m.assessment;
      if (a == null || a.nextStep != NextStep.FIRST_UNCONTROLLED_RECHECK || a.urgentReferral) {
        continue;
      }
      VisitForm f = m.requireForm();
      LocalDate due = m.visitDate().plusDays(settings.recheckDays());
      RecheckDisease item =
          RecheckDisease.newBuilder()
              .disease(s.disease)
              .followUpId(m.id())
              .visitDate(m.visitDate())
              .mode(mode(f))
              .classification(classification(m))
              .systolic(f.systolic())
              .diastolic(f.diastolic())
              .fastingGlucose(f.fastingGlucose())
              .nextVisitDate(nextVisitDate(m))
              .dueDate(due)
              .daysLeft(days(d, due))
              .past(due.isBefore(d))
              .build();
      rows.add(new Row<>(s, m.visitDate(), item));
    }
    return entries(rows, d, dueEntries(d, RecheckDisease::dueDate));
  }

  public List<DueEntry<ReferralDisease>> referrals(String villageCode, final LocalDate d) {
    List<Row<ReferralDisease>> rows = new ArrayList<>();
    for (Summary s : summaries(villageCode, d)) {
      VisitData last = s.last;
      if (!isActive(s.patient) || last == null || last.assessment == null) {
        continue;
      }
      AssessmentData a = last.assessment;
      boolean referral =
          a.nextStep == NextStep.REFERRAL
              || a.nextStep == NextStep.URGENT_REFERRAL
              || a.urgentReferral;
      if (!referral) {
        continue;
      }
      VisitForm f = last.requireForm();
      Referral r = f.referral();
      LocalDate due = last.visitDate().plusDays(settings.referralFollowUpDays());
      ReferralDisease item =
          ReferralDisease.newBuilder()
              .disease(s.disease)
              .followUpId(last.id())
              .referralDate(last.visitDate())
              .mode(mode(f))
              .urgent(a.urgentReferral || a.nextStep == NextStep.URGENT_REFERRAL)
              .nextStep(a.nextStep)
              .classification(classification(last))
              .dangerSigns(
                  a.dangerSigns == null ? Collections.<DangerSign>emptyList() : a.dangerSigns)
              .reason(r == null ? null : r.reason())
              .facility(r == null ? null : r.facility())
              .department(r == null ? null : r.department())
              .dueDate(due)
              .daysLeft(days(d, due))
              .past(due.isBefore(d))
              .build();
      rows.add(new Row<>(s, last.visitDate(), item));
    }
    return entries(rows, d, dueEntries(d, ReferralDisease::dueDate));
  }

  /** Groups a patient's diseases into one entry due at the earliest of their due dates. */
  private static <D> EntryMaker<D, DueEntry<D>> dueEntries(
      final LocalDate d, final Function<D, LocalDate> dueDateOf) {
    return new EntryMaker<D, DueEntry<D>>() {
      @Override
      public DueEntry<D> make(WorklistPatient patient, List<Row<D>> list) {
        LocalDate due = null;
        List<D> diseases = new ArrayList<>();
        for (Row<D> r : list) {
          diseases.add(r.item);
          LocalDate itemDue = dueDateOf.apply(r.item);
          due = due == null || itemDue.isBefore(due) ? itemDue : due;
        }
        return DueEntry.<D>newBuilder()
            .patient(patient)
            .dueDate(due)
            .daysLeft(days(d, due))
            .past(due.isBefore(d))
            .diseases(diseases)
            .build();
      }
    };
  }

  public List<AnnualCheckEntry> annualChecks(String villageCode, LocalDate d) {
    LocalDate yearStart = settings.yearStart(d);
    List<Row<AnnualCheckDisease>> rows = new ArrayList<>();
    for (Summary s : summaries(villageCode, d)) {
      if (!isActive(s.patient) || (s.lastCheck != null && !s.lastCheck.isBefore(yearStart))) {
        continue;
      }
      AnnualCheckDisease item =
          AnnualCheckDisease.newBuilder()
              .disease(s.disease)
              .lastAnnualCheckDate(s.lastCheck)
              .lastFaceToFaceDate(s.faceToFace == null ? null : s.faceToFace.visitDate())
              .build();
      rows.add(new Row<>(s, s.lastCheck == null ? LocalDate.of(1900, 1, 1) : s.lastCheck, item));
    }
    return entries(
        rows,
        d,
        new EntryMaker<AnnualCheckDisease, AnnualCheckEntry>() {
          @Override
          public AnnualCheckEntry make(
              WorklistPatient patient, List<Row<AnnualCheckDisease>> list) {
            LocalDate oldest = null;
            boolean never = false;
            List<AnnualCheckDisease> diseases = new ArrayList<>();
            for (Row<AnnualCheckDisease> r : list) {
              diseases.add(r.item);
              LocalDate check = r.item.lastAnnualCheckDate();
              if (check == null) {
                never = true;
              } else if (oldest == null || check.isBefore(oldest)) {
                oldest = check;
              }
            }
            return AnnualCheckEntry.newBuilder()
                .patient(patient)
                .lastAnnualCheckDate(never ? null : oldest)
                .diseases(diseases)
                .build();
          }
        });
  }

  /**
   * One summary per patient of the village under management or lost to follow-up, and disease
   * managed, from the current visits dated on or before {@code d}, newest first.
   */
  private List<Summary> summaries(String villageCode, LocalDate d) {
    List<Summary> out = new ArrayList<>();
    for (PatientData p : model.patients()) {
      if (!villageCode.equals(p.villageCode) || p.id == null) {
        continue;
      }
      ManagementStatus status = status(p);
      if (status != ManagementStatus.ACTIVE && status != ManagementStatus.LOST_TO_FOLLOW_UP) {
        continue;
      }
      List<VisitData> visits = model.visitsOf(p.id);
      for (Disease disease : Disease.values()) {
        LocalDate diagnosed =
            disease == Disease.HYPERTENSION ? p.hypertensionDiagnosedOn : p.diabetesDiagnosedOn;
        if (diagnosed == null) {
          continue;
        }
        Summary s = new Summary(p, disease);
        for (VisitData v : visits) {
          VisitForm f = v.requireForm();
          if (f.disease() != disease || v.visitDate().isAfter(d) || !model.isCurrent(v)) {
            continue;
          }
          boolean faceToFace = f.mode() != VisitMode.PHONE;
          if (s.last == null) {
            s.last = v;
          }
          if (faceToFace && s.faceToFace == null) {
            s.faceToFace = v;
          }
          boolean managing = faceToFace || (v.assessment != null && v.assessment.nextStep != null);
          if (managing && s.managing == null) {
            s.managing = v;
          }
          if (faceToFace
              && Boolean.TRUE.equals(f.annualCheck())
              && (s.lastCheck == null || v.visitDate().isAfter(s.lastCheck))) {
            s.lastCheck = v.visitDate();
          }
        }
        out.add(s);
      }
    }
    return out;
  }

  /** Groups the rows by patient and orders the patients as the server pages them. */
  private static <T, E> List<E> entries(List<Row<T>> rows, LocalDate d, EntryMaker<T, E> maker) {
    java.util.Map<UUID, List<Row<T>>> byPatient = new java.util.LinkedHashMap<>();
    for (Row<T> r : rows) {
      UUID id = r.summary.patient.id;
      List<Row<T>> list = byPatient.get(id);
      if (list == null) {
        list = new ArrayList<>();
        byPatient.put(id, list);
      }
      list.add(r);
    }
    List<List<Row<T>>> patients = new ArrayList<>(byPatient.values());
    for (List<Row<T>> list : patients) {
      Collections.sort(
          list,
          new Comparator<Row<T>>() {
            @Override
            public int compare(Row<T> a, Row<T> b) {
              return a.summary.disease.compareTo(b.summary.disease);
            }
          });
    }
    Collections.sort(
        patients,
        new Comparator<List<Row<T>>>() {
          @Override
          public int compare(List<Row<T>> a, List<Row<T>> b) {
            int bySort = earliest(a).compareTo(earliest(b));
            if (bySort != 0) {
              return bySort;
            }
            PatientData pa = a.get(0).summary.patient;
            PatientData pb = b.get(0).summary.patient;
            int byStatus = status(pa).name().compareTo(status(pb).name());
            if (byStatus != 0) {
              return byStatus;
            }
            int byName = String.valueOf(pa.name).compareTo(String.valueOf(pb.name));
            if (byName != 0) {
              return byName;
            }
            return String.valueOf(pa.id).compareTo(String.valueOf(pb.id));
          }
        });
    List<E> out = new ArrayList<>();
    for (List<Row<T>> list : patients) {
      out.add(maker.make(patient(list.get(0).summary.patient, d), list));
    }
    return Collections.unmodifiableList(out);
  }

  private static <T> LocalDate earliest(List<Row<T>> rows) {
    LocalDate min = null;
    for (Row<T> r : rows) {
      min = min == null || r.sortDate.isBefore(min) ? r.sortDate : min;
    }
    return min;
  }

  private static WorklistPatient patient(PatientData p, LocalDate d) {
    return WorklistPatient.newBuilder()
        .id(p.id)
        .name(p.name == null ? "" : p.name)
        .sex(p.sex)
        .age(p.birthDate == null ? 0 : Period.between(p.birthDate, d).getYears())
        .phone(p.phone)
        .address(p.address)
        .villageCode(p.villageCode)
        .status(status(p))
        .build();
  }

  private static ManagementStatus status(PatientData p) {
    return p.status == null ? ManagementStatus.ACTIVE : p.status.status();
  }

  private static boolean isActive(PatientData p) {
    return status(p) == ManagementStatus.ACTIVE;
  }

  /** The agreed next visit as stored: the form's, else the assessment's due date. */
  @Nullable
  private static LocalDate nextVisitDate(VisitData v) {
    LocalDate next = v.requireForm().nextVisitDate();
    if (next != null) {
      return next;
    }
    return v.assessment == null ? null : v.assessment.nextDueDate;
  }

  @Nullable
  private static Classification classification(VisitData v) {
    Classification override = v.requireForm().classificationOverride();
    if (override != null) {
      return override;
    }
    return v.assessment == null ? null : v.assessment.classification;
  }

  private static VisitMode mode(VisitForm f) {
    VisitMode m = f.mode();
    if (m == null) {
      throw new IllegalStateException("stored visit without a mode: " + f.id());
    }
    return m;
  }

  private static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to);
  }
}
