package org.suifang.server.cluster;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.suifang.client.ManagementStatus;
import org.suifang.client.Medication;
import org.suifang.client.MedicationAdherence;
import org.suifang.client.Patient;
import org.suifang.client.PatientQuery;
import org.suifang.client.PatientRegistration;
import org.suifang.client.PatientUpdate;
import org.suifang.client.SuifangClient;
import org.suifang.client.SuifangException;
import org.suifang.client.SyncReport;
import org.suifang.client.Visit;
import org.suifang.client.VisitForm;
import org.suifang.client.VisitState;
import org.suifang.rules.Disease;
import org.suifang.rules.HypertensionSymptom;
import org.suifang.rules.VisitMode;
import org.suifang.server.testing.PatientSamples;

/**
 * A tablet of the cluster test: a real {@link SuifangClient} with its own data directory, whose
 * requests go through the {@link LoadBalancer}. Each sync request is tried once ({@code
 * maxAttempts(1)}, no silent OkHttp re-send), so every request a kill cuts shows as a failed sync,
 * and the outbox is sent again by a later one. {@link #work} is a doctor's day: random local writes
 * with syncs in between, recording what it created so the test can look for it on the server.
 */
final class ClusterTablet implements AutoCloseable {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger BIRTHS = new AtomicInteger();

  final String name;
  final String username;
  final String village;
  final SuifangClient client;

  /** Patients and follow-up records (visits and corrections) this tablet created. */
  final List<UUID> createdPatients = new ArrayList<>();

  final List<UUID> createdVisits = new ArrayList<>();
  int mutations;
  int syncs;
  int failedSyncs;

  ClusterTablet(
      String name, String username, String village, String url, File dir, Interceptor balancer)
      throws SuifangException {
    this.name = name;
    this.username = username;
    this.village = village;
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(balancer)
            .retryOnConnectionFailure(false)
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(20, TimeUnit.SECONDS)
            .build();
    this.client =
        SuifangClient.newBuilder()
            .serverUrl(url)
            .dataDirectory(dir)
            .okHttpClient(http)
            .appVersion("0.3.0-cluster")
            .device("JVM", name)
            .maxAttempts(1)
            .mutationRetention(Duration.ofDays(90))
            .build();
  }

  /** Syncs once; returns the report (which may be a failure: the outbox stays). */
  SyncReport sync() {
    SyncReport report = client.sync();
    syncs++;
    if (!report.success()) {
      failedSyncs++;
    }
    return report;
  }

  /**
   * Makes {@code operations} random local writes (register, record, correct or void a visit, edit
   * the phone or address, change the status), syncing after about a third of them. Writes are local
   * and never fail for the network; syncs may.
   */
  void work(int operations, Random random) throws SuifangException {
    for (int i = 0; i < operations; i++) {
      List<Patient> patients = client.patients().search(PatientQuery.newBuilder().build());
      int dice = random.nextInt(100);
      if (patients.isEmpty() || dice < 20) {
        register();
      } else {
        Patient p = patients.get(random.nextInt(patients.size()));
        if (dice < 50) {
          record(p, random);
        } else if (dice < 70) {
          String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
          client.patients().update(p.id(), PatientUpdate.newBuilder().phone(phone).build());
        } else if (dice < 78) {
          client
              .patients()
              .update(p.id(), PatientUpdate.newBuilder().address(name + " 地址 " + i).build());
        } else if (dice < 82) {
          ManagementStatus next =
              p.status().status() == ManagementStatus.ACTIVE
                  ? ManagementStatus.LOST_TO_FOLLOW_UP
                  : ManagementStatus.ACTIVE;
          client.patients().changeStatus(p.id(), next, null, null, null);
        } else {
          Visit v = currentVisit(p, random);
          if (v == null) {
            record(p, random);
          } else if (dice < 94) {
            Visit amended =
                client
                    .followUps()
                    .amend(v.id(), "血压录错", form(v.visitDate(), 120 + random.nextInt(60)).build());
            createdVisits.add(amended.id());
          } else {
            client.followUps().voidVisit(v.id(), "重复录入");
          }
        }
      }
      mutations++;
      if (random.nextInt(3) == 0) {
        sync();
      }
    }
  }

  private void register() throws SuifangException {
    LocalDate born = LocalDate.of(1945, 1, 1).plusDays(11L * BIRTHS.incrementAndGet());
    PatientRegistration registration =
        PatientRegistration.newBuilder()
            .name("患者" + BIRTHS.get())
            .residentId(PatientSamples.residentId(born, "MALE"))
            .phone("13800138000")
            .villageCode(village)
            .address("东关村3组12号")
            .heightCm(new BigDecimal("168"))
            .condition(Disease.HYPERTENSION, LocalDate.of(2015, 6, 1))
            .build();
    createdPatients.add(client.patients().register(registration).id());
  }

  private void record(Patient p, Random random) throws SuifangException {
    LocalDate date = LocalDate.now(CHINA).minusDays(1 + random.nextInt(300));
    Visit v = client.followUps().record(p.id(), form(date, 120 + random.nextInt(60)).build());
    createdVisits.add(v.id());
  }

  private Visit currentVisit(Patient p, Random random) throws SuifangException {
    List<Visit> current = new ArrayList<>();
    for (Visit v : client.followUps().history(p.id())) {
      if (v.state() == VisitState.CURRENT) {
        current.add(v);
      }
    }
    return current.isEmpty() ? null : current.get(random.nextInt(current.size()));
  }

  private static VisitForm.Builder form(LocalDate date, int systolic) {
    return VisitForm.newBuilder()
        .disease(Disease.HYPERTENSION)
        .visitDate(date)
        .mode(VisitMode.CLINIC)
        .symptoms(HypertensionSymptom.NONE)
        .bloodPressure(systolic, 85)
        .heartRate(76)
        .weightKg(new BigDecimal("70.0"))
        .medicationAdherence(MedicationAdherence.REGULAR)
        .medications(Medication.oral("苯磺酸氨氯地平片", 1, new BigDecimal("5")));
  }

  int pending() {
    return client.syncState().pendingCount();
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  @Override
  public String toString() {
    return name;
  }
}
