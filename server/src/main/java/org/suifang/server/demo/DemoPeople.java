package org.suifang.server.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.suifang.rules.ResidentId;
import org.suifang.rules.Sex;

/**
 * Generates realistic, made-up people for the demo: Chinese names (surnames weighted as in north
 * China, given names of the generations now aged 45–85), birth dates, resident ID numbers with the
 * correct check character (GB 11643, domain.md §6.1) matching birth date and sex, mobile numbers
 * and addresses. Deterministic for a given {@link Random}. Not thread-safe: one per village.
 */
final class DemoPeople {

  // Roughly by frequency in Hebei: the first few are repeated to weight them.
  private static final List<String> SURNAMES =
      List.of(
          "王", "王", "王", "李", "李", "李", "张", "张", "张", "刘", "刘", "刘", "赵", "赵", "杨", "杨", "陈", "孙",
          "孙", "马", "马", "高", "高", "郭", "周", "吴", "徐", "朱", "胡", "何", "田", "田", "韩", "冯", "董", "曹",
          "袁", "许", "宋", "邓", "史", "崔", "贾", "齐", "梁", "杜", "魏", "薛", "郝", "谷", "白", "侯", "范", "石",
          "闫", "吕", "苏", "卢", "蒋", "程", "于", "常", "尹", "段");
  private static final List<String> MALE_FIRST =
      List.of(
          "建", "国", "志", "德", "文", "振", "永", "玉", "长", "树", "春", "庆", "宝", "福", "金", "海", "立", "洪",
          "占", "东", "红", "新", "明", "保", "俊", "全", "卫", "学");
  private static final List<String> MALE_SECOND =
      List.of(
          "华", "民", "强", "军", "明", "林", "平", "生", "山", "成", "忠", "祥", "田", "利", "才", "章", "刚", "奎",
          "河", "发", "全", "良", "义", "兴", "旺", "喜", "峰", "伟");
  private static final List<String> FEMALE_FIRST =
      List.of(
          "秀", "桂", "玉", "淑", "凤", "素", "春", "翠", "金", "彩", "丽", "爱", "巧", "月", "亚", "建", "小", "红",
          "冬", "海", "荣", "美");
  private static final List<String> FEMALE_SECOND =
      List.of(
          "英", "兰", "珍", "芳", "霞", "梅", "琴", "荣", "云", "华", "敏", "娟", "萍", "菊", "香", "花", "芬", "莲",
          "环", "清", "平", "静");
  private static final List<String> MOBILE_PREFIXES =
      List.of(
          "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
          "156", "157", "158", "159", "177", "180", "182", "183", "185", "186", "187", "188", "189",
          "199");

  private final Random random;
  private final String countySix;
  private final int sequenceBase;
  private final Set<String> residentIds = new HashSet<>();

  /**
   * Creates a generator. {@code sequenceBase} (0, 100, … 900) is the first sequence code of its
   * resident IDs; giving each village its own hundred keeps IDs unique across villages generated in
   * parallel.
   */
  DemoPeople(Random random, String countyCode, int sequenceBase) {
    this.random = random;
    this.countySix = countyCode.substring(0, 6);
    this.sequenceBase = sequenceBase;
  }

  /** A made-up person. */
  record Person(String name, Sex sex, LocalDate birthDate, String residentId, String phone) {}

  /** Returns a new person aged {@code minAge}–{@code maxAge} on {@code today} (mostly 55–75). */
  Person next(LocalDate today, int minAge, int maxAge) {
    Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
    // Ages cluster around 65: the mean of two uniform draws.
    int age = (between(minAge, maxAge) + between(minAge, maxAge)) / 2;
    LocalDate birthDate = today.minusYears(age).minusDays(between(1, 364));
    return new Person(name(sex), sex, birthDate, residentId(birthDate, sex), mobile());
  }

  /** Returns an address in the village: 组 (team) and 号 (house number). */
  String address(String villageName) {
    return villageName + between(1, 8) + "组" + between(1, 60) + "号";
  }

  /** Returns an integer in [from, to], both included. */
  int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  /** Returns true with the given probability. */
  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** Returns one of the values. */
  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String name(Sex sex) {
    String surname = pick(SURNAMES);
    boolean male = sex == Sex.MALE;
    String first = pick(male ? MALE_FIRST : FEMALE_FIRST);
    // About one in eight of this generation has a one-character given name.
    if (chance(0.12)) {
      return surname + pick(male ? MALE_SECOND : FEMALE_SECOND);
    }
    String second = pick(male ? MALE_SECOND : FEMALE_SECOND);
    return surname
        + first
        + (second.equals(first) ? pick(male ? MALE_SECOND : FEMALE_SECOND) : second);
  }

  /**
   * A GB 11643 number: the county's address code, the birth date, a sequence code whose last digit
   * is odd for a man and even for a woman, and the ISO 7064 MOD 11-2 check character.
   */
  private String residentId(LocalDate birthDate, Sex sex) {
    while (true) {
      int sequence = sequenceBase + between(0, 49) * 2 + (sex == Sex.MALE ? 1 : 0);
      String first17 =
          countySix
              + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
              + String.format("%03d", sequence);
      String id = first17 + ResidentId.checkCharacter(first17);
      if (residentIds.add(id)) {
        return id;
      }
    }
  }

  private String mobile() {
    return pick(MOBILE_PREFIXES) + String.format("%08d", random.nextInt(100_000_000));
  }
}
