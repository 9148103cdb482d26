package org.suifang.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

  @Test
  void next_setsVersion7AndRfcVariant() {
    UuidV7 ids = new UuidV7(new Random(1));

    UUID id = ids.next(1_732_000_000_000L);

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void next_timePrefixIsTheUnixMillisecond() {
    UuidV7 ids = new UuidV7(new Random(1));
    long millis = 1_732_000_000_123L;

    UUID id = ids.next(millis);

    assertThat(UuidV7.unixMillis(id)).isEqualTo(millis);
    assertThat(id.toString())
        .startsWith(String.format("%08x-%04x", millis >>> 16, millis & 0xFFFF));
  }

  @Test
  void next_sameMillisecond_unique() {
    UuidV7 ids = new UuidV7(new SecureRandom());
    Set<UUID> seen = new HashSet<>();

    for (int i = 0; i < 100_000; i++) {
      seen.add(ids.next(1_732_000_000_000L));
    }

    assertThat(seen).hasSize(100_000);
  }

  @Test
  void next_laterMillisecond_sortsAfterAsString() {
    UuidV7 ids = new UuidV7(new Random(3));

    UUID earlier = ids.next(1_732_000_000_000L);
    UUID later = ids.next(1_732_000_000_001L);

    assertThat(later.toString()).isGreaterThan(earlier.toString());
  }
}
