package org.suifang.client.example;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.suifang.client.Conflict;
import org.suifang.client.Medication;
import org.suifang.client.MedicationAdherence;
import org.suifang.client.Patient;
import org.suifang.client.PatientRegistration;
import org.suifang.client.PatientUpdate;
import org.suifang.client.SuifangClient;
import org.suifang.client.SuifangException;
import org.suifang.client.SyncReport;
import org.suifang.client.Visit;
import org.suifang.client.VisitForm;
import org.suifang.rules.Assessment;
import org.suifang.rules.Disease;
import org.suifang.rules.HypertensionSymptom;
import org.suifang.rules.ResidentId;
import org.suifang.rules.VisitMode;

/**
 * Two tablets, offline, then sync: the README's example. One doctor logs in on two tablets (two
 * devices). Tablet A registers a patient and syncs; tablet B pulls her. Then both work without the
 * network: each records a visit and each changes her phone number. Back online, A, B and A sync
 * again: both visits are everywhere, once, and the two phone edits leave one conflict for a
 * supervisor, with the same winning number on both tablets and the server.
 *
 * <p>Run it against the demo server ({@code ./mvnw -Prun} in another terminal):
 *
 * <pre>
 * ./mvnw -B -q -pl client-lib test-compile exec:java \
 *     -Dexec.mainClass=org.suifang.client.example.TwoTabletsExample -Dexec.classpathScope=test
 * </pre>
 *
 * <p>Arguments, all optional: server URL (default {@code http://localhost:8080}), username (default
 * {@code doctor1}), password ({@code demo1234}) and the doctor's village code ({@code
 * 130627101201}, doctor1's 东街村). {@code TwoTabletsExampleTest} in the server module runs {@link
 * #run} against a test server on every build.
 */
public final class TwoTabletsExample {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private TwoTabletsExample() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "http://localhost:8080";
    String username = args.length > 1 ? args[1] : "doctor1";
    String password = args.length > 2 ? args[2] : "demo1234";
    String village = args.length > 3 ? args[3] : "130627101201";
    File work = Files.createTempDirectory("suifang-two-tablets").toFile();
    run(url, username, password, village, work, System.out);
  }

  /**
   * Runs the example: two tablets with data directories under {@code workDir}, as {@code username}
   * (a village doctor of {@code villageCode}). Prints what happens to {@code out} and returns the
   * patient's id.
   */
  public static UUID run(
      String serverUrl,
      String username,
      String password,
      String villageCode,
      File workDir,
      PrintStream out)
      throws SuifangException, IOException {
    try (SuifangClient a = tablet(serverUrl, new File(workDir, "tablet-a"));
        SuifangClient b = tablet(serverUrl, new File(workDir, "tablet-b"))) {
      a.login(username, password);
      b.login(username, password);
      LocalDate today = LocalDate.now(CHINA);

      Patient p =
          a.patients()
              .register(
                  PatientRegistration.newBuilder()
                      .name("王秀英")
                      .residentId(newResidentId(villageCode.substring(0, 6)))
                      .phone("13812345678")
                      .villageCode(villageCode)
                      .address("3组12号")
                      .condition(Disease.HYPERTENSION, LocalDate.of(2016, 9, 1))
                      .build());
      out.println("Tablet A: registered " + p.name() + ", born " + p.birthDate());
      print(out, "Tablet A", a.sync());
      print(out, "Tablet B", b.sync());
      out.println("Tablet B: has " + p.name() + ": " + (b.patients().find(p.id()) != null));

      out.println();
      out.println("-- both tablets offline (recording needs no network) --");
      Visit va = a.followUps().record(p.id(), visit(today.minusDays(1), 152, 96));
      print(out, "Tablet A", va);
      Visit vb = b.followUps().record(p.id(), visit(today, 134, 84));
      print(out, "Tablet B", vb);
      a.patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000001").build());
      out.println("Tablet A: phone -> 13900000001");
      b.patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000002").build());
      out.println("Tablet B: phone -> 13900000002");
      out.println(
          "pending: A " + a.syncState().pendingCount() + ", B " + b.syncState().pendingCount());

      out.println();
      out.println("-- back online: A syncs, B syncs, A syncs --");
      print(out, "Tablet A", a.sync());
      print(out, "Tablet B", b.sync());
      print(out, "Tablet A", a.sync());

      out.println();
      out.println("-- result --");
      String phoneA = a.patients().get(p.id()).phone();
      String phoneB = b.patients().get(p.id()).phone();
      for (Object[] t : new Object[][] {{"Tablet A", a}, {"Tablet B", b}}) {
        SuifangClient c = (SuifangClient) t[1];
        List<Visit> history = c.followUps().history(p.id());
        out.println(
            t[0]
                + ": "
                + history.size()
                + " visits ("
                + history.get(0).visitDate()
                + ", "
                + history.get(1).visitDate()
                + "), phone "
                + c.patients().get(p.id()).phone()
                + ", pending "
                + c.syncState().pendingCount());
        for (Conflict conflict : c.conflicts()) {
          if (conflict.patientId().equals(p.id())) {
            out.println(
                "  conflict on "
                    + conflict.field()
                    + ": kept "
                    + conflict.winner().value()
                    + ", lost "
                    + conflict.loser().value()
                    + " ("
                    + conflict.status()
                    + ", for a supervisor)");
          }
        }
      }
      out.println("Converged: " + phoneA.equals(phoneB));
      return p.id();
    }
  }

  private static SuifangClient tablet(String serverUrl, File dir) throws SuifangException {
    return SuifangClient.newBuilder()
        .serverUrl(serverUrl)
        .dataDirectory(dir)
        .appVersion("two-tablets-example")
        .device("JVM", dir.getName())
        .build();
  }

  private static VisitForm visit(LocalDate date, int systolic, int diastolic) {
    return VisitForm.newBuilder()
        .disease(Disease.HYPERTENSION)
        .visitDate(date)
        .mode(VisitMode.CLINIC)
        .symptoms(HypertensionSymptom.NONE)
        .bloodPressure(systolic, diastolic)
        .heartRate(78)
        .weightKg(new BigDecimal("61.5"))
        .medicationAdherence(MedicationAdherence.REGULAR)
        .medications(Medication.oral("苯磺酸氨氯地平片", 1, new BigDecimal("5")))
        .build();
  }

  private static void print(PrintStream out, String tablet, Visit v) {
    Assessment a = v.assessment();
    out.println(
        tablet
            + ": visit "
            + v.visitDate()
            + " "
            + v.form().systolic()
            + "/"
            + v.form().diastolic()
            + " -> "
            + a.classification().labelEn()
            + " ("
            + a.classification().labelZh()
            + "), "
            + a.nextStep().labelEn()
            + ", next visit by "
            + a.nextDueDate());
  }

  private static void print(PrintStream out, String tablet, SyncReport r) {
    out.println(
        tablet
            + ": sync "
            + (r.success() ? "ok" : "FAILED " + r.error())
            + ", sent "
            + r.pushed()
            + (r.conflicts() > 0 ? " (" + r.conflicts() + " conflict)" : "")
            + ", received "
            + r.pulled()
            + ", "
            + r.roundTrips()
            + " round trip(s), "
            + r.bytesSent()
            + " B up / "
            + r.bytesReceived()
            + " B down");
  }

  /** A valid resident ID number of a woman born 1961-04-18 in the county, with a random serial. */
  private static String newResidentId(String countyCode) {
    int serial = new SecureRandom().nextInt(500) * 2; // even: a woman
    String first17 =
        countyCode
            + LocalDate.of(1961, 4, 18).format(DateTimeFormatter.BASIC_ISO_DATE)
            + String.format("%03d", serial);
    return first17 + ResidentId.checkCharacter(first17);
  }
}
