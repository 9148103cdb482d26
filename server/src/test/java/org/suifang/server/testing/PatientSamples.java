package org.suifang.server.testing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.suifang.rules.ResidentId;

/**
 * Object mother for patient registrations: JSON bodies of {@code POST /api/v1/patients} as mutable
 * maps, so a test changes only the field it is about. Every call returns a new id and, where there
 * is one, a new valid resident id, so tests sharing a database never collide.
 */
public final class PatientSamples {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

  private PatientSamples() {}

  /** A 66-year-old man (born 1958-03-12) with hypertension since 2015, 168 cm, with resident id. */
  public static Map<String, Object> hypertensive(String villageCode) {
    Map<String, Object> p = base(villageCode, "王建国", "MALE", LocalDate.of(1958, 3, 12));
    p.put("conditions", List.of(condition("HYPERTENSION", "2015-06-01")));
    return p;
  }

  /** A woman (born 1970-08-20) with type 2 diabetes since 2019, 158 cm, with resident id. */
  public static Map<String, Object> diabetic(String villageCode) {
    Map<String, Object> p = base(villageCode, "李秀英", "FEMALE", LocalDate.of(1970, 8, 20));
    p.put("conditions", List.of(condition("DIABETES", "2019-04-10")));
    return p;
  }

  /** A man (born 1962-01-05) with both hypertension and type 2 diabetes. */
  public static Map<String, Object> withBoth(String villageCode) {
    Map<String, Object> p = base(villageCode, "赵国强", "MALE", LocalDate.of(1962, 1, 5));
    p.put("conditions", List.of(condition("HYPERTENSION", "2012-03-01"), condition("DIABETES", "2018-09-15")));
    return p;
  }

  /** A hypertensive patient without a resident id: sex and birth date are given by hand. */
  public static Map<String, Object> withoutResidentId(String villageCode) {
    Map<String, Object> p = hypertensive(villageCode);
    p.remove("residentId");
    return p;
  }

  /** Returns a valid, never-before-returned 18-character resident id for the birth date and sex. */
  public static String residentId(LocalDate birthDate, String sex) {
    int seq = SEQUENCE.incrementAndGet() % 1000;
    // The 17th digit is odd for men and even for women.
    if (("MALE".equals(sex)) != (seq % 2 == 1)) {
      seq = (seq + 1) % 1000;
      SEQUENCE.incrementAndGet();
    }
    String first17 = "130123" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
    return first17 + ResidentId.checkCharacter(first17);
  }

  /** Returns the same id with a wrong check character. */
  public static String withWrongCheckDigit(String residentId) {
    char check = residentId.charAt(17);
    char wrong = check == '1' ? '2' : '1';
    return residentId.substring(0, 17) + wrong;
  }

  /** A condition entry. */
  public static Map<String, Object> condition(String disease, String diagnosedOn) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("disease", disease);
    c.put("diagnosedOn", diagnosedOn);
    return c;
  }

  /** Returns the update body (PUT) for a patient view: its editable fields and its version. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> updateOf(Map<String, Object> view) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("version", view.get("version"));
    for (String field : List.of("name", "sex", "birthDate", "residentId", "phone", "villageCode", "address",
        "healthRecordNumber", "heightCm")) {
      u.put(field, view.get(field));
    }
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (Map<String, Object> c : (List<Map<String, Object>>) view.get("conditions")) {
      conditions.add(condition((String) c.get("disease"), (String) c.get("diagnosedOn")));
    }
    u.put("conditions", conditions);
    return u;
  }

  private static Map<String, Object> base(String villageCode, String name, String sex, LocalDate birthDate) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", UUID.randomUUID().toString());
    p.put("name", name);
    p.put("sex", sex);
    p.put("birthDate", birthDate.toString());
    p.put("residentId", residentId(birthDate, sex));
    p.put("phone", "13800138000");
    p.put("villageCode", villageCode);
    p.put("address", "东关村3组12号");
    p.put("healthRecordNumber", "13012310010100023");
    p.put("heightCm", sex.equals("MALE") ? 168 : 158);
    return p;
  }
}
