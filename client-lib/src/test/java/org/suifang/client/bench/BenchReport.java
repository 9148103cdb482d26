package org.suifang.client.bench;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmarks' shared result table (docs/performance.md). Each benchmark opens a {@link Section}
 * and adds rows to it; a row is printed at once and appended to {@code <dir>/<key>.tsv}, where
 * {@code <dir>} is the system property {@code suifang.bench.dir} (the {@code bench} profile sets it
 * to the root's {@code target/bench}). {@link #main} prints every section found there as one
 * Markdown table, in key order; the {@code bench} profile runs it last.
 *
 * <p>Columns: what was measured, the figure, the target with a verdict, the physical
 * baseline it is compared with, and the figure as a ratio to that baseline.
 */
public final class BenchReport {

  static final String DIR_PROPERTY = "suifang.bench.dir";

  private BenchReport() {}

  /** The directory the sections are written to. */
  public static File dir() {
    return new File(System.getProperty(DIR_PROPERTY, "target/bench"));
  }

  /**
   * Starts section {@code key} (e.g. {@code "20-server-push"}; sections print in key order) titled
   * {@code title}, replacing the section's rows of an earlier run.
   */
  public static Section section(String key, String title) {
    File dir = dir();
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new UncheckedIOException(new IOException("Cannot create " + dir));
    }
    File file = new File(dir, key + ".tsv");
    write(file, title + "\n", false);
    System.out.printf(Locale.ROOT, "%nBENCH == %s ==%n", title);
    return new Section(file);
  }

  /** A section of the table. */
  public static final class Section {
    private final File file;

    Section(File file) {
      this.file = file;
    }

    /** Adds a row with neither target nor baseline. */
    public Section row(String what, String figure) {
      return row(what, figure, "", "", "");
    }

    /**
     * Adds a row.
     *
     * @param what what was measured, with its conditions (database, page size, devices)
     * @param figure the measured figure with its unit
     * @param target the target and whether it is met ({@link #target}), or empty
     * @param baseline the physical baseline compared with, with its figure, or empty
     * @param ratio the figure as a ratio to the baseline ({@link #ratio}), or empty
     */
    public Section row(String what, String figure, String target, String baseline, String ratio) {
      String[] cells = {what, figure, target, baseline, ratio};
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          line.append('\t');
        }
        line.append(cells[i].replace('\t', ' ').replace('\n', ' '));
      }
      write(file, line + "\n", true);
      System.out.printf(
          Locale.ROOT,
          "BENCH %-60s %-24s %-22s %s %s%n",
          what,
          figure,
          target,
          baseline,
          ratio.isEmpty() ? "" : "(" + ratio + ")");
      return this;
    }
  }

  /** A target with its verdict: {@code "≤ 300 ms: met"} or {@code "≤ 300 ms: MISSED"}. */
  public static String target(String target, boolean met) {
    return target + (met ? ": met" : ": MISSED");
  }

  /** {@code figure / baseline} as {@code "0.42×"}. */
  public static String ratio(double figure, double baseline) {
    double r = figure / baseline;
    return String.format(Locale.ROOT, r < 0.1 ? "%.3f×" : r < 10 ? "%.2f×" : "%.0f×", r);
  }

  /** A number with thousands separators and {@code decimals} decimals. */
  public static String num(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  private static void write(File file, String text, boolean append) {
    try (BufferedWriter out =
        Files.newBufferedWriter(
            file.toPath(),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Prints every section in {@code args[0]} (else {@link #dir()}) as one Markdown table, and writes
   * it to {@code results.md} beside them.
   */
  public static void main(String[] args) throws IOException {
    File dir = args.length > 0 ? new File(args[0]) : dir();
    File[] files = dir.listFiles((d, name) -> name.endsWith(".tsv"));
    if (files == null || files.length == 0) {
      System.out.println("No benchmark results in " + dir);
      return;
    }
    Arrays.sort(files);
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%nBenchmarks (%s, %d cores, Java %s, max heap %d MiB)%n%n",
            System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            Runtime.getRuntime().maxMemory() >> 20));
    table.append("| What | Figure | Target | Baseline | vs baseline |\n");
    table.append("|---|---|---|---|---|\n");
    for (File file : files) {
      List<String> lines =
          new ArrayList<>(Files.readAllLines(file.toPath(), StandardCharsets.UTF_8));
      if (lines.isEmpty()) {
        continue;
      }
      table.append("| **").append(lines.get(0)).append("** | | | | |\n");
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split("\t", -1);
        table.append('|');
        for (int i = 0; i < 5; i++) {
          table
              .append(' ')
              .append(i < cells.length ? cells[i].replace("|", "\\|") : "")
              .append(" |");
        }
        table.append('\n');
      }
    }
    System.out.print(table);
    Files.write(
        new File(dir, "results.md").toPath(), table.toString().getBytes(StandardCharsets.UTF_8));
  }
}
