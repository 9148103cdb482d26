package org.suifang.server.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.suifang.server.sync.FieldVersion;
import org.suifang.server.sync.LwwMerge;
import org.suifang.server.sync.LwwMerge.Decision;
import org.suifang.server.sync.LwwMerge.Write;

/**
 * The patient field merge (sync-design.md §7 P6, P10): the LWW register merge is commutative,
 * associative and idempotent, and the server's conflict rules converge whatever order concurrent
 * writes arrive in. Values and versions come from small sets, so ties and equal values are common.
 */
class LwwMergePropertyTest {

  private static final List<UUID> DEVICES =
      List.of(
          FieldVersion.SERVER_DEVICE,
          UUID.fromString("0193a000-0000-7000-8000-00000000000a"),
          UUID.fromString("f193b000-0000-7000-8000-00000000000b"));

  @Property
  void merge_isCommutative(@ForAll("writes") Write a, @ForAll("writes") Write b) {
    assertThat(LwwMerge.merge(a, b)).isEqualTo(LwwMerge.merge(b, a));
  }

  @Property
  void merge_isAssociative(
      @ForAll("writes") Write a, @ForAll("writes") Write b, @ForAll("writes") Write c) {
    assertThat(LwwMerge.merge(LwwMerge.merge(a, b), c))
        .isEqualTo(LwwMerge.merge(a, LwwMerge.merge(b, c)));
  }

  @Property
  void merge_isIdempotentAndKeepsTheLargerVersion(
      @ForAll("writes") Write a, @ForAll("writes") Write b) {
    Write merged = LwwMerge.merge(a, b);

    assertThat(LwwMerge.merge(a, a)).isEqualTo(a);
    assertThat(LwwMerge.merge(merged, b)).isEqualTo(merged);
    assertThat(merged.version()).isEqualTo(FieldVersion.max(a.version(), b.version()));
  }

  @Property
  void mergeOfStates_isCommutativeAssociativeAndIdempotent(
      @ForAll("states") Map<String, Write> a,
      @ForAll("states") Map<String, Write> b,
      @ForAll("states") Map<String, Write> c) {
    assertThat(LwwMerge.merge(a, b)).isEqualTo(LwwMerge.merge(b, a));
    assertThat(LwwMerge.merge(LwwMerge.merge(a, b), c))
        .isEqualTo(LwwMerge.merge(a, LwwMerge.merge(b, c)));
    assertThat(LwwMerge.merge(a, a)).isEqualTo(a);
  }

  @Property
  void apply_baseIsTheStoredVersion_storesTheWriteWithoutConflict(
      @ForAll("writes") Write stored, @ForAll("writes") Write incoming) {
    Decision d = LwwMerge.apply(stored, stored.version(), incoming);

    assertThat(d.stored()).isEqualTo(incoming);
    assertThat(d.conflict()).isFalse();
  }

  /**
   * Concurrent writes (all made on the same base) end as the LWW merge of all of them, in any
   * arrival order; with distinct values each arrival after the first makes exactly one conflict.
   */
  @Property
  void apply_concurrentWritesInAnyOrder_convergeToTheirMerge(
      @ForAll("concurrentWrites") Tuple2<List<Write>, List<Write>> orders) {
    Write base = new Write("\"registered\"", LwwMerge.ORIGIN);
    Write expected = orders.get1().stream().reduce(LwwMerge::merge).orElseThrow();

    Outcome first = applyAll(base, orders.get1());
    Outcome second = applyAll(base, orders.get2());

    assertThat(first.stored()).isEqualTo(expected);
    assertThat(second.stored()).isEqualTo(expected);
    if (orders.get1().stream().map(Write::value).distinct().count() == orders.get1().size()) {
      assertThat(first.conflicts()).isEqualTo(orders.get1().size() - 1);
      assertThat(second.conflicts()).isEqualTo(orders.get1().size() - 1);
    }
  }

  /** A concurrent write that conflicts names the stored winner and the other write as loser. */
  @Property
  void apply_conflict_winnerIsStoredAndLoserIsTheOther(
      @ForAll("writes") Write stored, @ForAll("writes") Write incoming) {
    Decision d = LwwMerge.apply(stored, LwwMerge.ORIGIN, incoming);

    if (d.conflict()) {
      assertThat(d.winner()).isEqualTo(d.stored()).isEqualTo(LwwMerge.merge(stored, incoming));
      assertThat(List.of(d.winner(), d.loser())).containsExactlyInAnyOrder(stored, incoming);
    } else {
      assertThat(stored.value()).isEqualTo(incoming.value());
    }
  }

  private record Outcome(Write stored, int conflicts) {}

  private static Outcome applyAll(Write initial, List<Write> writes) {
    Write stored = initial;
    int conflicts = 0;
    for (Write w : writes) {
      Decision d = LwwMerge.apply(stored, initial.version(), w);
      stored = d.stored();
      conflicts += d.conflict() ? 1 : 0;
    }
    return new Outcome(stored, conflicts);
  }

  @Provide
  Arbitrary<Write> writes() {
    Arbitrary<String> values =
        Arbitraries.of("\"13800138000\"", "\"13900139000\"", "null", "\"a\"");
    Arbitrary<FieldVersion> versions =
        Combinators.combine(Arbitraries.longs().between(1, 6), Arbitraries.of(DEVICES))
            .as(FieldVersion::new);
    return Combinators.combine(values, versions).as(Write::new);
  }

  @Provide
  Arbitrary<Map<String, Write>> states() {
    return Arbitraries.maps(Arbitraries.of("name", "phone", "status"), writes()).ofMaxSize(3);
  }

  /** Writes with distinct versions (one device writes once per HLC), and a reordering of them. */
  @Provide
  Arbitrary<Tuple2<List<Write>, List<Write>>> concurrentWrites() {
    return writes()
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .uniqueElements(Write::version)
        .flatMap(
            list ->
                Arbitraries.shuffle(list)
                    .map(shuffled -> Tuple.of(list, new ArrayList<>(shuffled))));
  }
}
