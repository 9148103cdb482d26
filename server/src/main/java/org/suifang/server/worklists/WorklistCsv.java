package org.suifang.server.worklists;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the dashboard's worklists as CSV: UTF-8 with a byte-order mark (so Excel shows Chinese),
 * bilingual headers, one row per patient and disease (per visit on the danger-sign list).
 */
@Singleton
class WorklistCsv {

  private static final List<String> PATIENT =
      List.of(
          "患者ID/Patient ID",
          "姓名/Name",
          "性别/Sex",
          "年龄/Age",
          "身份证号/Resident ID",
          "电话/Phone",
          "住址/Address",
          "村/Village",
          "责任医生/Doctor",
          "管理状态/Status");

  /** Returns the CSV file of a whole list. */
  byte[] write(AreaList list, AreaWorklistPage<?> page) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      w.write('\uFEFF');
      CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(w);
      switch (list) {
        case OVERDUE -> overdue(csv, page);
        case REFERRALS -> referrals(csv, page);
        case DANGER_SIGNS -> dangerSigns(csv, page);
        case AT_RISK -> atRisk(csv, page);
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void overdue(CSVPrinter csv, AreaWorklistPage<?> page) throws IOException {
    csv.printRecord(
        header(
            "病种/Disease",
            "原因/Reasons",
            "逾期起始/Overdue since",
            "逾期天数/Days overdue",
            "最近随访/Last visit",
            "最近随访方式/Last visit mode",
            "最近面对面随访/Last face-to-face visit",
            "分类/Classification",
            "下次随访日期/Next visit date"));
    for (Object item : page.items()) {
      OverdueView v = (OverdueView) item;
      for (OverdueView.DiseaseView d : v.diseases()) {
        List<Object> row = patient(v.patient());
        row.add(d.disease());
        row.add(d.reasons().stream().map(Enum::name).collect(Collectors.joining(";")));
        row.add(d.overdueSince());
        row.add(d.daysOverdue());
        row.add(d.lastVisitDate());
        row.add(d.lastVisitMode());
        row.add(d.lastFaceToFaceDate());
        row.add(d.lastClassification());
        row.add(d.nextVisitDate());
        csv.printRecord(row);
      }
    }
  }

  private static void referrals(CSVPrinter csv, AreaWorklistPage<?> page) throws IOException {
    csv.printRecord(
        header(
            "病种/Disease",
            "转诊日期/Referral date",
            "紧急/Urgent",
            "危急情况/Danger signs",
            "转诊原因/Reason",
            "机构及科别/Facility and department",
            "随访截止/Due date",
            "剩余天数/Days left"));
    for (Object item : page.items()) {
      ReferralView v = (ReferralView) item;
      for (ReferralView.DiseaseView d : v.diseases()) {
        List<Object> row = patient(v.patient());
        row.add(d.disease());
        row.add(d.referralDate());
        row.add(d.urgent());
        row.add(d.dangerSigns().stream().map(s -> s.labelZh()).collect(Collectors.joining("；")));
        row.add(d.reason());
        row.add(join(d.facility(), d.department()));
        row.add(d.dueDate());
        row.add(d.daysLeft());
        csv.printRecord(row);
      }
    }
  }

  private static void dangerSigns(CSVPrinter csv, AreaWorklistPage<?> page) throws IOException {
    csv.printRecord(
        header(
            "病种/Disease",
            "随访日期/Visit date",
            "随访方式/Mode",
            "危急情况/Danger signs",
            "Danger signs (en)",
            "紧急转诊/Urgent referral",
            "随访医生/Signed by",
            "随访截止/Due date",
            "已有后续随访/Later visit",
            "后续随访日期/Later visit date"));
    for (Object item : page.items()) {
      DangerSignVisitView v = (DangerSignVisitView) item;
      List<Object> row = patient(v.patient());
      row.add(v.disease());
      row.add(v.visitDate());
      row.add(v.mode());
      row.add(
          v.dangerSigns().stream()
              .map(DangerSignVisitView.SignView::labelZh)
              .collect(Collectors.joining("；")));
      row.add(
          v.dangerSigns().stream()
              .map(DangerSignVisitView.SignView::labelEn)
              .collect(Collectors.joining("; ")));
      row.add(v.urgentReferral());
      row.add(v.signedByName());
      row.add(v.dueDate());
      row.add(v.laterVisit());
      row.add(v.laterVisitDate());
      csv.printRecord(row);
    }
  }

  private static void atRisk(CSVPrinter csv, AreaWorklistPage<?> page) throws IOException {
    csv.printRecord(
        header(
            "病种/Disease",
            "建档日期/Registered on",
            "应随访次数/Required",
            "已面对面随访/Done",
            "本季度已随访/Visit this quarter",
            "剩余季度/Periods left",
            "最多可达/Reachable",
            "缺口/Shortfall",
            "最近面对面随访/Last face-to-face visit",
            "原因/Reasons"));
    for (Object item : page.items()) {
      AtRiskView v = (AtRiskView) item;
      for (AtRiskView.DiseaseView d : v.diseases()) {
        List<Object> row = patient(v.patient());
        row.add(d.disease());
        row.add(d.registeredOn());
        row.add(d.required());
        row.add(d.done());
        row.add(d.visitThisPeriod());
        row.add(d.periodsLeft());
        row.add(d.reachable());
        row.add(d.shortfall());
        row.add(d.lastFaceToFaceDate());
        row.add(d.reasons().stream().map(Enum::name).collect(Collectors.joining(";")));
        csv.printRecord(row);
      }
    }
  }

  private static List<String> header(String... columns) {
    List<String> out = new ArrayList<>(PATIENT);
    out.addAll(List.of(columns));
    return out;
  }

  private static List<Object> patient(WorklistPatientView p) {
    List<Object> row = new ArrayList<>();
    row.add(p.id());
    row.add(p.name());
    row.add(p.sex());
    row.add(p.age());
    row.add(p.residentId());
    row.add(p.phone());
    row.add(p.address());
    row.add(p.villageName() != null ? p.villageName() : p.villageCode());
    row.add(p.doctorName());
    row.add(p.status());
    return row;
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " " + b;
  }

  /** Returns the file name of an export, e.g. {@code worklist-overdue-2026-10-20.csv}. */
  static String fileName(AreaList list, LocalDate date) {
    return "worklist-" + list.path() + "-" + date + ".csv";
  }
}
