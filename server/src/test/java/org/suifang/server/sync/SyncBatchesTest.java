package org.suifang.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a request's mutations are cut into batches, one transaction each ({@link SyncService}). */
class SyncBatchesTest {

  private static List<Mutation> of(String... types) {
    List<Mutation> mutations = new ArrayList<>();
    for (String type : types) {
      mutations.add(
          new Mutation(
              UUID.randomUUID(),
              mutations.size() + 1,
              0,
              UUID.randomUUID(),
              type,
              1,
              Instant.EPOCH,
              JsonNode.createObjectNode(java.util.Map.of())));
    }
    return mutations;
  }

  private static String[] repeat(String type, int times) {
    String[] types = new String[times];
    java.util.Arrays.fill(types, type);
    return types;
  }

  @Test
  void batchEnd_aRunOfFollowUpsLongerThanABatch_oneBatchOfUpToFifty() {
    List<Mutation> visits = of(repeat("FOLLOW_UP_RECORD", 120));

    assertThat(SyncService.batchEnd(visits, 0)).isEqualTo(50);
    assertThat(SyncService.batchEnd(visits, 50)).isEqualTo(100);
    assertThat(SyncService.batchEnd(visits, 100)).isEqualTo(120);
  }

  @Test
  void batchEnd_followUpsEndAfterMoreThanTen_theBatchStopsBeforeTheOtherMutation() {
    List<Mutation> mutations = new ArrayList<>(of(repeat("FOLLOW_UP_AMEND", 12)));
    mutations.addAll(of("PATIENT_UPDATE", "FOLLOW_UP_VOID"));

    assertThat(SyncService.batchEnd(mutations, 0)).isEqualTo(12);
    assertThat(SyncService.batchEnd(mutations, 12)).isEqualTo(14);
  }

  @Test
  void batchEnd_otherMutationsOrAShortRunOfFollowUps_batchesOfTen() {
    List<Mutation> patients = of(repeat("PATIENT_CREATE", 25));
    List<Mutation> mixed = new ArrayList<>(of(repeat("FOLLOW_UP_RECORD", 4)));
    mixed.addAll(of(repeat("PATIENT_UPDATE", 20)));

    assertThat(SyncService.batchEnd(patients, 0)).isEqualTo(10);
    assertThat(SyncService.batchEnd(patients, 20)).isEqualTo(25);
    assertThat(SyncService.batchEnd(mixed, 0)).isEqualTo(10);
    assertThat(SyncService.batchEnd(of(repeat("FOLLOW_UP_RECORD", 10)), 0)).isEqualTo(10);
  }
}
