package org.suifang.server.synchealth;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the sync-health report as CSV: UTF-8 with a byte-order mark, times in Beijing time. */
final class SyncHealthCsv {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

  private static final List<String> HEADER_ZH =
      List.of(
          "医生",
          "用户名",
          "账户状态",
          "村",
          "村代码",
          "设备ID",
          "型号",
          "系统",
          "应用版本",
          "最后成功同步（北京时间）",
          "最后联系（北京时间）",
          "待上传变更",
          "最早未同步变更（北京时间）",
          "时钟偏差",
          "时钟偏差（毫秒）",
          "时钟可疑次数",
          "被拒绝的变更",
          "状态");

  private static final List<String> HEADER_EN =
      List.of(
          "Doctor",
          "Username",
          "Account",
          "Villages",
          "Village codes",
          "Device ID",
          "Model",
          "Platform",
          "App version",
          "Last successful sync (Beijing time)",
          "Last seen (Beijing time)",
          "Pending changes",
          "Oldest unsynced change (Beijing time)",
          "Clock offset",
          "Clock offset (ms)",
          "Clock-suspect count",
          "Rejected mutations",
          "Status");

  private SyncHealthCsv() {}

  /** Returns the CSV text, starting with a byte-order mark so that Excel reads it as UTF-8. */
  static String write(SyncHealthReport report, boolean english) {
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader((english ? HEADER_EN : HEADER_ZH).toArray(String[]::new))
            .build();
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      for (SyncHealthRow r : report.rows()) {
        csv.printRecord(
            r.doctorName(),
            r.username(),
            r.doctorActive() ? (english ? "active" : "在用") : (english ? "deactivated" : "已停用"),
            r.villages().stream().map(SyncHealthRow.Village::name).collect(Collectors.joining("、")),
            r.villages().stream().map(SyncHealthRow.Village::code).collect(Collectors.joining(" ")),
            text(r.deviceId()),
            text(r.model()),
            text(r.platform()),
            text(r.appVersion()),
            time(r.lastSyncAt()),
            time(r.lastSeenAt()),
            r.deviceId() == null ? "" : r.pendingCount(),
            time(r.oldestPendingAt()),
            text(r.clockOffset()),
            text(r.clockOffsetMs()),
            r.deviceId() == null ? "" : r.clockSuspectCount(),
            r.deviceId() == null ? "" : r.rejectedCount(),
            status(r, english));
      }
    } catch (IOException e) {
      // A StringWriter does not fail.
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Returns the row's flags as text, e.g. {@code 超期未同步; 时钟可疑}; {@code 正常} if none. */
  static String status(SyncHealthRow r, boolean english) {
    StringBuilder s = new StringBuilder();
    if (r.deviceId() == null) {
      s.append(english ? "no device" : "无设备");
    } else if (r.neverSynced()) {
      s.append(english ? "never synced" : "从未同步");
    } else if (r.stale()) {
      s.append(english ? "stale" : "超期未同步");
    }
    if (r.clockSuspect()) {
      s.append(s.length() > 0 ? "; " : "").append(english ? "suspect clock" : "时钟可疑");
    }
    return s.length() == 0 ? (english ? "ok" : "正常") : s.toString();
  }

  static String time(@Nullable Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  private static String text(@Nullable Object o) {
    return o == null ? "" : o.toString();
  }
}
