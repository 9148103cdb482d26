package org.suifang.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * P6 merge algebra (sync-design.md §7): the per-field last-writer-wins merge is commutative,
 * associative and idempotent over random sets of versioned writes, so every replica converges
 * whatever the order and duplication of delivery.
 */
class LwwRegisterProperties {

  @Property
  void merge_isCommutative(
      @ForAll("writes") LwwRegister<String> a, @ForAll("writes") LwwRegister<String> b) {
    assertThat(a.merge(b)).isEqualTo(b.merge(a));
  }

  @Property
  void merge_isAssociative(
      @ForAll("writes") LwwRegister<String> a,
      @ForAll("writes") LwwRegister<String> b,
      @ForAll("writes") LwwRegister<String> c) {
    assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
  }

  @Property
  void merge_isIdempotent(
      @ForAll("writes") LwwRegister<String> a, @ForAll("writes") LwwRegister<String> b) {
    assertThat(a.merge(a)).isEqualTo(a);
    assertThat(a.merge(b).merge(b)).isEqualTo(a.merge(b));
  }

  @Property
  void merge_anyOrderWithDuplicates_convergesOnTheLargestVersion(
      @ForAll @Size(min = 1, max = 30)
          List<@net.jqwik.api.From("writes") LwwRegister<String>> writes,
      @ForAll long seed) {
    List<LwwRegister<String>> delivered = new ArrayList<>(writes);
    Random random = new Random(seed);
    int duplicates = random.nextInt(writes.size() + 1);
    for (int i = 0; i < duplicates; i++) {
      delivered.add(writes.get(random.nextInt(writes.size())));
    }
    Collections.shuffle(delivered, random);

    LwwRegister<String> inOrder = fold(writes);
    LwwRegister<String> shuffled = fold(delivered);

    assertThat(shuffled).isEqualTo(inOrder);
    for (LwwRegister<String> w : writes) {
      assertThat(inOrder.version().compareTo(w.version())).isGreaterThanOrEqualTo(0);
    }
  }

  private static LwwRegister<String> fold(List<LwwRegister<String>> writes) {
    LwwRegister<String> acc = writes.get(0);
    for (LwwRegister<String> w : writes) {
      acc = acc.merge(w);
    }
    return acc;
  }

  /**
   * Writes by a few devices with few HLC values, so ties on the HLC are common; one device never
   * writes two values with the same HLC (versions are unique per write).
   */
  @Provide
  Arbitrary<LwwRegister<String>> writes() {
    Arbitrary<Long> hlc = Arbitraries.longs().between(0, 6);
    Arbitrary<UUID> device =
        Arbitraries.of(
            UUID.fromString("00000000-0000-0000-0000-000000000000"),
            UUID.fromString("0193a000-0000-7000-8000-00000000000a"),
            UUID.fromString("0193a000-0000-7000-8000-00000000000B"),
            UUID.fromString("f193a000-0000-7000-8000-000000000001"));
    return Combinators.combine(hlc, device)
        .as((h, d) -> LwwRegister.of(d + "@" + h, new FieldVersion(h, d)));
  }
}
