package org.suifang.server.common;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the embedded H2 database's planner statistics ({@code ANALYZE}) at a quiet hour every
 * night and a few minutes after the server starts; on PostgreSQL autovacuum does that and this does
 * nothing.
 *
 * <p>By itself H2 analyses a table after 2,000 changes to it, then after 4,000, 8,000 and so on,
 * counting from 2,000 again at every start. Each analysis samples 10,000 rows inside the
 * transaction that made the change, and makes every connection prepare its statements again. Under
 * the pushes of a busy morning that cost a fifth of the server's CPU and stalled the pushes waiting
 * on that transaction (docs/performance.md, "Fourth round"), so application.yml turns it off
 * ({@code ANALYZE_AUTO=0}) and the statistics are taken here instead.
 */
@Singleton
public class DatabaseStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseStatistics.class);

  private final TransactionOperations<Connection> transactions;

  DatabaseStatistics(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  @Scheduled(cron = "${suifang.database.analyze-cron:0 30 2 * * *}", zoneId = "Asia/Shanghai")
  void nightly() {
    refresh();
  }

  @Scheduled(initialDelay = "${suifang.database.analyze-after-start:5m}")
  void afterStart() {
    refresh();
  }

  /**
   * Analyses every table of an H2 database now.
   *
   * @return false on another database, where nothing was done
   */
  public boolean refresh() {
    long start = System.nanoTime();
    boolean analysed =
        transactions.executeWrite(
            status -> {
              Connection connection = status.getConnection();
              if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return false;
              }
              try (Statement analyse = connection.createStatement()) {
                analyse.execute("ANALYZE");
              }
              return true;
            });
    if (analysed) {
      LOG.info("Planner statistics refreshed in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
    return analysed;
  }
}
