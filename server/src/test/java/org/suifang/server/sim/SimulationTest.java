package org.suifang.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.suifang.server.testing.TestDatabaseConfigurer;

/**
 * Runs the deterministic simulation (docs/reliability.md#deterministic-simulation): the CI seeds,
 * the regression corpus ({@code sim-corpus.txt}), a replay check and the clock-independence check
 * (P11); the last two on H2 only. {@code -Dsuifang.sim.seed=N} (or {@code N,M,…}) runs only those
 * seeds; {@code -Dsuifang.sim.seeds=K} and {@code -Dsuifang.sim.first-seed=S} run K seeds from S
 * (the soak). A summary of every run set is printed at the end.
 */
class SimulationTest {
  private static final Summary SUMMARY = new Summary();

  /** The figures of a run set, for docs/reliability.md. */
  static final class Summary {
    int seeds;
    long operations;
    final Map<String, Integer> faults = new TreeMap<>();
    long violations;
    long lost;
    long duplicated;
    long spuriousConflicts;
    final List<Long> failedSeeds = new ArrayList<>();

    synchronized void add(Simulation.Result r) {
      seeds++;
      operations += r.operations();
      r.faults().forEach((k, v) -> faults.merge(k, v, Integer::sum));
      violations += r.violations().size();
      lost += r.recordsLost();
      duplicated += r.recordsDuplicated();
      spuriousConflicts += r.spuriousConflicts();
      if (!r.violations().isEmpty()) {
        failedSeeds.add(r.seed());
      }
    }

    @Override
    public synchronized String toString() {
      int total = faults.values().stream().mapToInt(Integer::intValue).sum();
      return "Simulation summary ("
          + (TestDatabaseConfigurer.onPostgres() ? "PostgreSQL" : "H2")
          + "): seeds "
          + seeds
          + ", operations "
          + operations
          + ", faults "
          + total
          + " "
          + faults
          + ", invariant violations "
          + violations
          + ", records lost "
          + lost
          + ", records duplicated "
          + duplicated
          + ", known spurious self-conflicts "
          + spuriousConflicts
          + (failedSeeds.isEmpty() ? "" : ", failed seeds " + failedSeeds);
    }
  }

  @AfterAll
  static void printSummary() {
    System.out.println(SUMMARY);
  }

  static Simulation.Result run(long seed, SimConfig config) throws Exception {
    // Tablets fsync every commit; on tmpfs that costs nothing, and the files are as real.
    java.nio.file.Path shm = java.nio.file.Path.of("/dev/shm");
    File dir =
        (Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "sim-" + seed + "-")
                : Files.createTempDirectory("sim-" + seed + "-"))
            .toFile();
    try {
      Simulation.Result r = new Simulation(seed, config, dir).run();
      SUMMARY.add(r);
      return r;
    } finally {
      SimTablet.deleteDirectory(dir.toPath());
    }
  }

  static void runAndCheck(long seed, SimConfig config) throws Exception {
    Simulation.Result r = run(seed, config);
    if (!r.violations().isEmpty()) {
      System.out.println(String.join("\n", r.history()));
    }
    assertThat(r.violations())
        .as(
            "seed %d (%s) broke invariants; replay it with%n"
                + "  ./mvnw -B -o -pl server test -Dtest=SimulationTest -Dsuifang.sim.seed=%d"
                + " -Dsurefire.failIfNoSpecifiedTests=false%s",
            seed,
            config,
            seed,
            TestDatabaseConfigurer.onPostgres() ? " (the postgres execution)" : "")
        .isEmpty();
  }

  private static Long longProperty(String name) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? null : Long.parseLong(v.trim());
  }

  /** The CI seeds: 50 on H2, 10 on PostgreSQL; or what the soak properties ask for. */
  @TestFactory
  Stream<DynamicTest> seeds() {
    String only = System.getProperty("suifang.sim.seed", "").trim();
    LongStream seeds;
    if (!only.isEmpty()) {
      seeds = Arrays.stream(only.split(",")).mapToLong(x -> Long.parseLong(x.trim()));
    } else {
      Long count = longProperty("suifang.sim.seeds");
      Long first = longProperty("suifang.sim.first-seed");
      // PostgreSQL runs are about five times slower (mostly the server restarts).
      long n = count != null ? count : TestDatabaseConfigurer.onPostgres() ? 6 : 50;
      long from = first != null ? first : 1;
      seeds = LongStream.range(from, from + n);
    }
    return seeds
        .boxed()
        .map(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed + " (" + SimConfig.forSeed(seed) + ")",
                    () -> runAndCheck(seed, SimConfig.forSeed(seed))));
  }

  /** Every seed that once failed and led to a fix; always run. */
  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (InputStream in = SimulationTest.class.getResourceAsStream("/sim-corpus.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String s = line.replaceAll("#.*", "").trim();
        if (s.isEmpty()) {
          continue;
        }
        long seed = Long.parseLong(s);
        tests.add(
            DynamicTest.dynamicTest(
                "corpus seed " + seed + ": " + line.replaceAll("^[^#]*#?", "").trim(),
                () -> runAndCheck(seed, SimConfig.forSeed(seed))));
      }
    }
    return tests.stream();
  }

  @Test
  void oneSeedTwice_sameHistoryBitForBit() throws Exception {
    // Replay does not depend on the database; H2 is quicker.
    Assumptions.assumeFalse(TestDatabaseConfigurer.onPostgres());
    long seed = 7;
    Simulation.Result first = run(seed, SimConfig.forSeed(seed));
    Simulation.Result second = run(seed, SimConfig.forSeed(seed));

    assertThat(second.history()).containsExactlyElementsOf(first.history());
    assertThat(second.hash()).isEqualTo(first.hash());
    assertThat(second.faults()).isEqualTo(first.faults());
    assertThat(first.faults()).isNotEmpty();
    assertThat(first.violations()).isEmpty();
  }

  @Test
  void sameWorkload_skewedClocks_invariantsHold() throws Exception {
    Assumptions.assumeFalse(TestDatabaseConfigurer.onPostgres());
    // P11: the seed's workload again, every tablet's clock off by up to two years.
    for (long seed : new long[] {3, 11, 19}) {
      runAndCheck(seed, SimConfig.forSeed(seed).withSkewedClocks());
    }
  }
}
