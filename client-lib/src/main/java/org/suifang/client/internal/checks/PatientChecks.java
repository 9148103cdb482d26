package org.suifang.client.internal.checks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.suifang.client.Condition;
import org.suifang.client.ManagementStatus;
import org.suifang.client.PatientRegistration;
import org.suifang.client.SuifangValidationException;
import org.suifang.client.TerminationReason;
import org.suifang.rules.Disease;
import org.suifang.rules.HealthRecordNumber;
import org.suifang.rules.HealthRecordNumberCheck;
import org.suifang.rules.ResidentId;
import org.suifang.rules.ResidentIdCheck;
import org.suifang.rules.Sex;

/**
 * The server's patient checks ({@code PatientCommand} constraints and {@code
 * PatientService.normalise}): required fields, lengths, formats, the resident ID number, sex and
 * birth date agreeing with it, dates not in the future, at least one condition.
 */
public final class PatientChecks {
  private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,20}");
  private static final Pattern VILLAGE = Pattern.compile("\\d{12}");

  private PatientChecks() {}

  /** A patient's editable fields, checked and canonicalised. */
  public static final class Details {
    public @Nullable String name;
    public @Nullable Sex sex;
    public @Nullable LocalDate birthDate;
    public @Nullable String residentId;
    public @Nullable String phone;
    public @Nullable String villageCode;
    public @Nullable String address;
    public @Nullable String healthRecordNumber;
    public @Nullable BigDecimal heightCm;
    public @Nullable LocalDate hypertensionDiagnosedOn;
    public @Nullable LocalDate diabetesDiagnosedOn;

    /** Returns the conditions, hypertension first. */
    public List<Condition> conditions() {
      List<Condition> out = new ArrayList<>();
      if (hypertensionDiagnosedOn != null) {
        out.add(Condition.of(Disease.HYPERTENSION, hypertensionDiagnosedOn));
      }
      if (diabetesDiagnosedOn != null) {
        out.add(Condition.of(Disease.DIABETES, diabetesDiagnosedOn));
      }
      return out;
    }
  }

  /** Checks a registration and returns its canonical fields. */
  public static Details registration(PatientRegistration r, LocalDate today)
      throws SuifangValidationException {
    Errors errors = new Errors("");
    Details d = new Details();
    d.name = r.name();
    d.sex = r.sex();
    d.birthDate = r.birthDate();
    d.residentId = r.residentId();
    d.phone = r.phone();
    d.villageCode = r.villageCode();
    d.address = r.address();
    d.healthRecordNumber = r.healthRecordNumber();
    d.heightCm = r.heightCm();
    List<Condition> conditions = r.conditions();
    List<Integer> accepted = new ArrayList<>();
    if (conditions.isEmpty()) {
      errors.required("conditions", "至少登记一种疾病：", "At least one condition");
    }
    for (int i = 0; i < conditions.size(); i++) {
      Condition c = conditions.get(i);
      String field = "conditions[" + i + "]";
      LocalDate already =
          c.disease() == Disease.HYPERTENSION ? d.hypertensionDiagnosedOn : d.diabetesDiagnosedOn;
      if (already != null) {
        errors.add(
            field + ".disease", "DUPLICATE", "同一疾病只能登记一次。", "Each disease can be listed once.");
        continue;
      }
      accepted.add(i);
      if (c.disease() == Disease.HYPERTENSION) {
        d.hypertensionDiagnosedOn = c.diagnosedOn();
      } else {
        d.diabetesDiagnosedOn = c.diagnosedOn();
      }
      conditionDate(errors, field + ".diagnosedOn", c.diagnosedOn(), today);
    }
    common(d, errors, today);
    // Diagnosis dates before birth are known only once the birth date is.
    if (d.birthDate != null) {
      for (int i : accepted) {
        Condition c = conditions.get(i);
        if (!c.diagnosedOn().isAfter(today) && c.diagnosedOn().isBefore(d.birthDate)) {
          beforeBirth(errors, "conditions[" + i + "].diagnosedOn");
        }
      }
    }
    errors.throwIfAny();
    return d;
  }

  /**
   * Checks a patient after an update: {@code d} holds the merged fields (the named ones already
   * canonicalised by {@link #canonical}); errors name the update's fields.
   */
  public static void update(Details d, LocalDate today) throws SuifangValidationException {
    Errors errors = new Errors("");
    if (d.hypertensionDiagnosedOn == null && d.diabetesDiagnosedOn == null) {
      errors.required("conditions", "至少登记一种疾病：", "At least one condition");
    }
    conditionDate(errors, "hypertensionDiagnosedOn", d.hypertensionDiagnosedOn, today);
    conditionDate(errors, "diabetesDiagnosedOn", d.diabetesDiagnosedOn, today);
    common(d, errors, today);
    if (d.birthDate != null) {
      if (d.hypertensionDiagnosedOn != null
          && !d.hypertensionDiagnosedOn.isAfter(today)
          && d.hypertensionDiagnosedOn.isBefore(d.birthDate)) {
        beforeBirth(errors, "hypertensionDiagnosedOn");
      }
      if (d.diabetesDiagnosedOn != null
          && !d.diabetesDiagnosedOn.isAfter(today)
          && d.diabetesDiagnosedOn.isBefore(d.birthDate)) {
        beforeBirth(errors, "diabetesDiagnosedOn");
      }
    }
    errors.throwIfAny();
  }

  /** Checks a status change ({@code PatientService.changeStatus}). */
  public static void status(
      ManagementStatus status,
      @Nullable TerminationReason reason,
      LocalDate date,
      @Nullable String note,
      LocalDate birthDate,
      LocalDate today)
      throws SuifangValidationException {
    Errors errors = new Errors("");
    if (status == ManagementStatus.TERMINATED && reason == null) {
      errors.add(
          "reason",
          "REQUIRED",
          "终止管理须填写原因（死亡、迁出或拒绝）。",
          "A termination needs a reason (DEATH, MOVED_OUT or REFUSED).");
    }
    if (status != ManagementStatus.TERMINATED && reason != null) {
      errors.add("reason", "NOT_ALLOWED", "只有终止管理才填写原因。", "Only a termination has a reason.");
    }
    if (date.isAfter(today)) {
      errors.add("date", "IN_FUTURE", "日期不能晚于今天。", "The date cannot be in the future.");
    } else if (date.isBefore(birthDate)) {
      errors.add("date", "BEFORE_BIRTH", "日期不能早于出生日期。", "The date cannot be before birth.");
    }
    errors.maxLength("note", note, 200);
    errors.throwIfAny();
  }

  /**
   * Returns the canonical form of one field value, as the server stores it: trimmed text with
   * blanks as null, the resident ID number upper-case with 18 characters, the height with one
   * decimal. Values that cannot be canonicalised are returned as given, for the checks to report.
   */
  @Nullable
  public static Object canonical(String field, @Nullable Object value, LocalDate today) {
    if (value instanceof String) {
      String s = Errors.trimToNull((String) value);
      if (s != null && field.equals("residentId")) {
        ResidentId id = ResidentId.parse(s, today);
        return id == null ? s : id.number();
      }
      if (s != null && field.equals("healthRecordNumber")) {
        HealthRecordNumber n = HealthRecordNumber.parse(s);
        return n == null ? s : n.number();
      }
      return s;
    }
    if (value instanceof BigDecimal && field.equals("heightCm")) {
      BigDecimal h = (BigDecimal) value;
      return h.scale() <= 1 ? h.setScale(1, RoundingMode.UNNECESSARY) : h;
    }
    return value;
  }

  /** Returns the number as searched: upper-case, a valid 15-digit one upgraded to 18. */
  public static String normaliseForSearch(String raw) {
    String trimmed = raw.trim().toUpperCase(Locale.ROOT);
    ResidentId parsed = ResidentId.parse(trimmed, LocalDate.of(9999, 12, 31));
    return parsed == null ? trimmed : parsed.number();
  }

  private static void common(Details d, Errors errors, LocalDate today) {
    d.name = Errors.trimToNull(d.name);
    if (d.name == null) {
      errors.required("name", "姓名", "The name");
    } else {
      errors.maxLength("name", d.name, 50);
    }
    d.phone = Errors.trimToNull(d.phone);
    if (d.phone != null && !PHONE.matcher(d.phone).matches()) {
      errors.add("phone", "FORMAT", "电话号码格式不正确。", "The phone number is not valid.");
    }
    if (d.villageCode == null) {
      errors.required("villageCode", "村代码", "The village code");
    } else if (!VILLAGE.matcher(d.villageCode).matches()) {
      errors.add("villageCode", "FORMAT", "村代码应为12位数字。", "A village code has 12 digits.");
    }
    d.address = Errors.trimToNull(d.address);
    errors.maxLength("address", d.address, 200);
    if (d.heightCm != null) {
      BigDecimal h = d.heightCm;
      if (h.compareTo(new BigDecimal("50")) < 0
          || h.compareTo(new BigDecimal("250")) > 0
          || h.stripTrailingZeros().scale() > 1) {
        errors.outOfRange(
            "heightCm", "身高应在 50-250 cm 之间，最多一位小数。", "Height must be 50-250 cm, one decimal.");
      } else {
        d.heightCm = h.setScale(1, RoundingMode.HALF_UP);
      }
    }

    d.residentId = Errors.trimToNull(d.residentId);
    if (d.residentId != null && d.residentId.length() > 20) {
      errors.outOfRange("residentId", "长度不能超过20个字符。", "At most 20 characters.");
    } else if (d.residentId != null) {
      ResidentIdCheck check = ResidentId.check(d.residentId, today);
      ResidentId parsed = check.residentId();
      if (parsed == null) {
        errors.add("residentId", check.code(), check.messageZh(), check.messageEn());
      } else {
        d.residentId = parsed.number();
        if (d.sex == null) {
          d.sex = parsed.sex();
        } else if (d.sex != parsed.sex()) {
          errors.add(
              "sex",
              "SEX_MISMATCH_ID",
              "性别与身份证号不符。",
              "The sex does not match the resident ID number.");
        }
        if (d.birthDate == null) {
          d.birthDate = parsed.birthDate();
        } else if (!d.birthDate.equals(parsed.birthDate())) {
          errors.add(
              "birthDate",
              "BIRTH_DATE_MISMATCH_ID",
              "出生日期与身份证号不符。",
              "The birth date does not match the resident ID number.");
        }
      }
    } else {
      if (d.sex == null) {
        errors.required("sex", "性别", "The sex");
      }
      if (d.birthDate == null) {
        errors.required("birthDate", "出生日期", "The birth date");
      }
    }
    if (d.birthDate != null && d.birthDate.isAfter(today)) {
      errors.add(
          "birthDate", "IN_FUTURE", "出生日期不能晚于今天。", "The birth date cannot be in the future.");
    }

    d.healthRecordNumber = Errors.trimToNull(d.healthRecordNumber);
    if (d.healthRecordNumber != null && d.healthRecordNumber.length() > 20) {
      errors.outOfRange("healthRecordNumber", "长度不能超过20个字符。", "At most 20 characters.");
    } else if (d.healthRecordNumber != null) {
      HealthRecordNumberCheck check = HealthRecordNumber.check(d.healthRecordNumber);
      HealthRecordNumber parsed = check.healthRecordNumber();
      if (parsed == null) {
        errors.add("healthRecordNumber", check.code(), check.messageZh(), check.messageEn());
      } else {
        d.healthRecordNumber = parsed.number();
      }
    }
  }

  private static void conditionDate(
      Errors errors, String field, @Nullable LocalDate date, LocalDate today) {
    if (date != null && date.isAfter(today)) {
      errors.add(field, "IN_FUTURE", "确诊日期不能晚于今天。", "The diagnosis date cannot be in the future.");
    }
  }

  private static void beforeBirth(Errors errors, String field) {
    errors.add(
        field, "BEFORE_BIRTH", "确诊日期不能早于出生日期。", "The diagnosis date cannot be before birth.");
  }
}
