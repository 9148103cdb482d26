package org.suifang.server.reports;

import io.micronaut.core.annotation.Nullable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.suifang.server.reports.IndicatorReport.DiseaseFigures;
import org.suifang.server.reports.IndicatorReport.Row;

/**
 * Writes an {@link IndicatorReport} as CSV: UTF-8 with a byte-order mark (so Excel shows Chinese),
 * one line per row and a last line for the totals, the same numbers as the JSON.
 */
final class IndicatorCsv {

  private static final String[] FIGURES = {
    "managed",
    "visitsDone",
    "visitsDue",
    "standardManaged",
    "standardRate",
    "standardTarget",
    "controlled",
    "controlRate",
    "estimated",
    "healthManagementRate"
  };

  private IndicatorCsv() {}

  /** Returns the header line: fixed English keys, then the labels of {@code lang}. */
  static List<String> header(ReportMessages messages, String lang) {
    List<String> h = new ArrayList<>();
    h.add("key");
    h.add(messages.text("reports.col.name", lang));
    for (String disease : List.of("hypertension", "diabetes")) {
      String label = messages.text("reports." + disease, lang);
      for (String f : FIGURES) {
        h.add(label + " " + f);
      }
    }
    h.addAll(
        List.of(
            "devices",
            "staleDevices",
            "doctorsWithoutDevice",
            "oldestSyncAt",
            "newestSyncAt",
            "pendingChanges"));
    return h;
  }

  static byte[] write(IndicatorReport report, ReportMessages messages, String lang) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      // The byte-order mark goes first: the printer writes the header as soon as it is created.
      w.write('\uFEFF');
      CSVPrinter csv =
          new CSVPrinter(
              w,
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader(header(messages, lang).toArray(String[]::new))
                  .get());
      for (Row r : report.rows()) {
        csv.printRecord(values(r));
      }
      csv.printRecord(values(report.totals()));
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<Object> values(Row r) {
    List<Object> v = new ArrayList<>();
    v.add(r.key());
    v.add(r.name());
    for (DiseaseFigures f : List.of(r.hypertension(), r.diabetes())) {
      v.add(f.managed());
      v.add(f.visitsDone());
      v.add(f.visitsDue());
      v.add(f.standardManaged());
      v.add(text(f.standardRate()));
      v.add(f.standardTarget());
      v.add(f.controlled());
      v.add(text(f.controlRate()));
      v.add(f.estimated() == null ? "" : f.estimated());
      v.add(text(f.healthManagementRate()));
    }
    v.add(r.freshness().devices());
    v.add(r.freshness().staleDevices());
    v.add(r.freshness().doctorsWithoutDevice());
    v.add(r.freshness().oldestSyncAt() == null ? "" : r.freshness().oldestSyncAt().toString());
    v.add(r.freshness().newestSyncAt() == null ? "" : r.freshness().newestSyncAt().toString());
    v.add(r.freshness().pendingChanges());
    return v;
  }

  private static String text(@Nullable BigDecimal rate) {
    return rate == null ? "" : rate.toPlainString();
  }
}
