package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.Medication;
import org.suifang.client.MedicationAdherence;
import org.suifang.client.Patient;
import org.suifang.client.PatientRegistration;
import org.suifang.client.SuifangClient;
import org.suifang.client.SyncReport;
import org.suifang.client.Visit;
import org.suifang.client.VisitForm;
import org.suifang.rules.Assessment;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;
import org.suifang.rules.HypertensionSymptom;
import org.suifang.rules.VisitMode;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestAuth;

/**
 * The example of docs/android.md, section "Example", against the real server. The body mirrors the
 * doc's code block line for line; only the server URL, the data directory, the key, the login, the
 * village and the resident ID number are the test's. Change both together.
 */
@MicronautTest(transactional = false)
class SdkExampleTest {
  @Inject TestAuth auth;

  @Inject ServerProbe server;

  @TempDir File noBackupFilesDir;

  @Test
  void androidDocExample_runsAgainstTheServer() throws Exception {
    auth.seedArea();
    String password = TestAuth.PASSWORD;
    String residentId = PatientSamples.residentId(LocalDate.of(1961, 4, 18), "FEMALE");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    // ---- docs/android.md "Example" ----
    SuifangClient client =
        SuifangClient.newBuilder()
            .serverUrl(server.url())
            .dataDirectory(new File(noBackupFilesDir, "suifang"))
            .encryptionKey(journalKey())
            .appVersion("1.0.0")
            .build();
    client.login("doc1", password); // once, online

    // Offline from here on.
    Patient patient =
        client
            .patients()
            .register(
                PatientRegistration.newBuilder()
                    .name("王秀英")
                    .residentId(residentId) // sex and birth date are read from it
                    .phone("13812345678")
                    .villageCode(VILLAGE_1)
                    .condition(Disease.HYPERTENSION, LocalDate.of(2016, 9, 1))
                    .build());
    Visit visit =
        client
            .followUps()
            .record(
                patient.id(),
                VisitForm.newBuilder()
                    .disease(Disease.HYPERTENSION)
                    .visitDate(LocalDate.now(ZoneId.of("Asia/Shanghai")))
                    .mode(VisitMode.CLINIC)
                    .symptoms(HypertensionSymptom.NONE)
                    .bloodPressure(152, 96)
                    .heartRate(78)
                    .weightKg(new BigDecimal("61.5"))
                    .medicationAdherence(MedicationAdherence.REGULAR)
                    .medications(Medication.oral("苯磺酸氨氯地平片", 1, new BigDecimal("5")))
                    .build());
    Assessment a = visit.assessment();
    out.println(a.classification().labelZh() + " / " + a.classification().labelEn());
    out.println(a.nextStep().labelEn() + ", next visit by " + a.nextDueDate());
    out.println(a.recommendedActionZh());

    // When there is a network (in the SyncWorker above):
    SyncReport report = client.sync();
    out.println(
        "sync "
            + (report.success() ? "ok" : "failed: " + report.error())
            + ": sent "
            + report.pushed()
            + ", received "
            + report.pulled()
            + ", "
            + report.roundTrips()
            + " round trip(s), "
            + report.bytesSent()
            + " B up, "
            + report.bytesReceived()
            + " B down");
    out.println("still pending: " + client.syncState().pendingCount());
    // ---- end of the example ----

    client.close();
    String text = printed.toString(StandardCharsets.UTF_8);
    assertThat(a.classification()).isEqualTo(Classification.UNCONTROLLED);
    assertThat(text).contains(Classification.UNCONTROLLED.labelEn());
    assertThat(text).contains("next visit by " + a.nextDueDate());
    assertThat(text).contains("sync ok: sent 2, received 2, 1 round trip(s)");
    assertThat(text).contains("still pending: 0");
    assertThat(server.historyIds("doc1", patient.id())).containsExactly(visit.id());
    assertThat(server.patient("doc1", patient.id()).get("name")).isEqualTo("王秀英");
  }

  /** Stands in for the doc's Android Keystore key. */
  private static SecretKey journalKey() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return new SecretKeySpec(raw, "AES");
  }
}
