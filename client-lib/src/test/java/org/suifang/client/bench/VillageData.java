package org.suifang.client.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.suifang.client.DorsalisPedis;
import org.suifang.client.GlucoseSpecimen;
import org.suifang.client.Hypoglycaemia;
import org.suifang.client.Medication;
import org.suifang.client.MedicationAdherence;
import org.suifang.client.PatientRegistration;
import org.suifang.client.Rating;
import org.suifang.client.SaltIntake;
import org.suifang.client.VisitForm;
import org.suifang.rules.DiabetesSymptom;
import org.suifang.rules.Disease;
import org.suifang.rules.HypertensionSymptom;
import org.suifang.rules.ResidentId;
import org.suifang.rules.Sex;
import org.suifang.rules.VisitMode;

/**
 * The benchmarks' village (issue 6: "villages of 500 patients, with hypertension and diabetes
 * follow-ups over 5 years, about 10,000 visits"), generated from a seed so that every run sends the
 * same records.
 *
 * <p>500 patients: 350 with hypertension only, 100 with diabetes only, 50 with both (550
 * registrations to a disease). Each is seen about every 91 days for 5 years before {@link #TODAY}
 * (20 visits per disease), with one visit in ten missed: about 9,900 visits. Every visit is a
 * <em>full</em> follow-up, the whole 随访服务记录表 as a doctor fills it: symptoms, signs, lifestyle with
 * targets, tests, adherence, one to three medicines and the next visit date.
 */
public final class VillageData {

  /** The last day of the generated history; a client's clock must be on or after it. */
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

  /** Patients in a village, as the issue asks. */
  public static final int PATIENTS = 500;

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"
  };
  private static final String[] GIVEN = {
    "建国", "秀英", "桂兰", "志强", "玉梅", "德胜", "淑芬", "国华", "春生", "凤英", "文明", "海燕"
  };
  private static final String[][] HTN_DRUGS = {
    {"苯磺酸氨氯地平片", "5"},
    {"硝苯地平缓释片", "20"},
    {"缬沙坦胶囊", "80"},
    {"厄贝沙坦片", "150"},
    {"氢氯噻嗪片", "12.5"},
    {"美托洛尔缓释片", "47.5"}
  };
  private static final String[][] DM_DRUGS = {
    {"盐酸二甲双胍片", "500"}, {"格列美脲片", "2"}, {"阿卡波糖片", "50"}, {"格列齐特缓释片", "30"}
  };

  private final List<PatientPlan> patients;
  private final int visits;

  private VillageData(List<PatientPlan> patients) {
    this.patients = Collections.unmodifiableList(patients);
    int n = 0;
    for (PatientPlan p : patients) {
      n += p.visits.size();
    }
    this.visits = n;
  }

  /** A patient's registration and visits, in date order. */
  public static final class PatientPlan {
    public final PatientRegistration registration;
    public final List<VisitForm> visits;

    PatientPlan(PatientRegistration registration, List<VisitForm> visits) {
      this.registration = registration;
      this.visits = Collections.unmodifiableList(visits);
    }
  }

  /** The village of {@value #PATIENTS} patients in {@code villageCode}, from {@code seed}. */
  public static VillageData generate(long seed, String villageCode) {
    return generate(seed, villageCode, PATIENTS);
  }

  /**
   * A village of {@code patientCount} patients in {@code villageCode} (the same mix of diseases as
   * {@link #generate(long, String)}), from {@code seed}. Resident ID numbers are valid and unique
   * for a given {@code seed} and village.
   */
  public static VillageData generate(long seed, String villageCode, int patientCount) {
    Random random = new Random(seed);
    List<PatientPlan> plans = new ArrayList<>(patientCount);
    for (int i = 0; i < patientCount; i++) {
      int slot = i % PATIENTS;
      boolean htn = slot < 400;
      boolean dm = slot >= 350;
      plans.add(patient(random, villageCode, i, htn, dm));
    }
    return new VillageData(plans);
  }

  /** The patients, in registration order. */
  public List<PatientPlan> patients() {
    return patients;
  }

  /** How many visits the patients have in all. */
  public int visitCount() {
    return visits;
  }

  private static PatientPlan patient(
      Random random, String villageCode, int index, boolean htn, boolean dm) {
    Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 30));
    LocalDate diagnosed = LocalDate.of(2012, 1, 1).plusDays(random.nextInt(365 * 9));
    PatientRegistration.Builder registration =
        PatientRegistration.newBuilder()
            .name(SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)])
            .sex(sex)
            .birthDate(birth)
            .residentId(residentId(villageCode, birth, sex, index))
            .phone(String.format(Locale.ROOT, "138%08d", random.nextInt(100_000_000)))
            .villageCode(villageCode)
            .address(String.format(Locale.ROOT, "%d组%d号", 1 + random.nextInt(8), 1 + index))
            .heightCm(new BigDecimal(150 + random.nextInt(35)));
    if (htn) {
      registration.condition(Disease.HYPERTENSION, diagnosed);
    }
    if (dm) {
      registration.condition(Disease.DIABETES, diagnosed.plusDays(random.nextInt(600)));
    }
    List<VisitForm> visits = new ArrayList<>();
    LocalDate first = TODAY.minusYears(5).plusDays(1 + random.nextInt(60));
    for (LocalDate date = first; !date.isAfter(TODAY); date = date.plusDays(91)) {
      if (random.nextInt(10) == 0) {
        continue; // a missed visit
      }
      if (htn) {
        visits.add(hypertensionVisit(random, date));
      }
      if (dm) {
        visits.add(diabetesVisit(random, date));
      }
    }
    return new PatientPlan(registration.build(), visits);
  }

  /** A valid 18-digit resident ID number of the village's county, unique per index. */
  private static String residentId(String villageCode, LocalDate birth, Sex sex, int index) {
    int order = (index % 500) * 2 + (sex == Sex.MALE ? 1 : 0); // odd for men, even for women
    String first17 =
        villageCode.substring(0, 6)
            + String.format(
                Locale.ROOT,
                "%04d%02d%02d%03d",
                birth.getYear(),
                birth.getMonthValue(),
                birth.getDayOfMonth(),
                order % 1000);
    return first17 + ResidentId.checkCharacter(first17);
  }

  /** A full hypertension follow-up (随访服务记录表, every section filled). */
  public static VisitForm hypertensionVisit(Random random, LocalDate date) {
    boolean controlled = random.nextInt(100) < 65;
    int systolic = controlled ? 118 + random.nextInt(21) : 141 + random.nextInt(30);
    int diastolic = controlled ? 70 + random.nextInt(19) : 91 + random.nextInt(10);
    VisitMode mode = mode(random);
    VisitForm.Builder form =
        VisitForm.newBuilder()
            .disease(Disease.HYPERTENSION)
            .visitDate(date)
            .mode(mode)
            .symptoms(HypertensionSymptom.NONE);
    if (mode != VisitMode.PHONE) {
      form.bloodPressure(systolic, diastolic).heartRate(60 + random.nextInt(30));
    }
    lifestyle(random, form, mode);
    // Salt intake is on the hypertension form only (the diabetes form has staple food instead).
    form.saltIntake(random.nextBoolean() ? SaltIntake.MODERATE : SaltIntake.HEAVY)
        .targetSaltIntake(SaltIntake.LIGHT);
    return form.medicationAdherence(MedicationAdherence.REGULAR)
        .adverseReaction(false)
        .medications(medicines(random, HTN_DRUGS))
        .nextVisitDate(date.plusDays(controlled ? 90 : 14))
        .build();
  }

  /** A full diabetes follow-up, with the foot check, staple food and glucose tests. */
  public static VisitForm diabetesVisit(Random random, LocalDate date) {
    boolean controlled = random.nextInt(100) < 60;
    BigDecimal glucose =
        new BigDecimal(controlled ? 50 + random.nextInt(19) : 71 + random.nextInt(40))
            .movePointLeft(1);
    VisitMode mode = mode(random);
    VisitForm.Builder form =
        VisitForm.newBuilder()
            .disease(Disease.DIABETES)
            .visitDate(date)
            .mode(mode)
            .symptoms(DiabetesSymptom.NONE)
            .stapleFoodGramsPerDay(250 + 50 * random.nextInt(4))
            .targetStapleFoodGramsPerDay(250);
    if (mode != VisitMode.PHONE) {
      form.bloodPressure(115 + random.nextInt(20), 70 + random.nextInt(15))
          .dorsalisPedis(DorsalisPedis.NORMAL)
          .fastingGlucose(glucose)
          .glucoseSpecimen(GlucoseSpecimen.CAPILLARY);
    }
    lifestyle(random, form, mode);
    if (mode != VisitMode.PHONE && random.nextInt(4) == 0) {
      form.hba1c(new BigDecimal(55 + random.nextInt(30)).movePointLeft(1)).hba1cTestDate(date);
    }
    return form.medicationAdherence(MedicationAdherence.REGULAR)
        .adverseReaction(false)
        .hypoglycaemia(Hypoglycaemia.NONE)
        .medications(medicines(random, DM_DRUGS))
        .nextVisitDate(date.plusDays(controlled ? 90 : 14))
        .build();
  }

  private static VisitMode mode(Random random) {
    int r = random.nextInt(100);
    return r < 85 ? VisitMode.CLINIC : r < 93 ? VisitMode.HOME : VisitMode.PHONE;
  }

  private static void lifestyle(Random random, VisitForm.Builder form, VisitMode mode) {
    BigDecimal weight = new BigDecimal(500 + random.nextInt(350)).movePointLeft(1);
    int smoking = random.nextInt(3) == 0 ? 5 + random.nextInt(15) : 0;
    if (mode != VisitMode.PHONE) {
      form.weightKg(weight).targetWeightKg(weight.subtract(new BigDecimal(random.nextInt(5))));
    }
    form.smokingPerDay(smoking)
        .targetSmokingPerDay(0)
        .drinkingLiangPerDay(new BigDecimal(random.nextInt(4)))
        .targetDrinkingLiangPerDay(BigDecimal.ZERO)
        .exerciseTimesPerWeek(random.nextInt(8))
        .exerciseMinutesPerTime(10 * (1 + random.nextInt(6)))
        .targetExerciseTimesPerWeek(5)
        .targetExerciseMinutesPerTime(30)
        .psychologicalAdjustment(Rating.GOOD)
        .compliance(random.nextBoolean() ? Rating.GOOD : Rating.FAIR);
  }

  private static List<Medication> medicines(Random random, String[][] drugs) {
    int count = 1 + random.nextInt(3);
    List<Medication> list = new ArrayList<>(count);
    int start = random.nextInt(drugs.length);
    for (int i = 0; i < count; i++) {
      String[] drug = drugs[(start + i) % drugs.length];
      list.add(Medication.oral(drug[0], 1 + random.nextInt(2), new BigDecimal(drug[1])));
    }
    return list;
  }
}
