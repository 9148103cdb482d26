package org.suifang.server.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.SqlRows;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.testing.TestDatabaseConfigurer;

/**
 * {@link DatabaseStatistics} gives H2's planner the statistics of the data (which application.yml
 * stops H2 from taking by itself in the middle of pushes), and leaves PostgreSQL to autovacuum.
 */
@MicronautTest(transactional = false)
class DatabaseStatisticsTest {

  @Inject DatabaseStatistics statistics;

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject TransactionOperations<Connection> transactions;

  @Test
  void refresh_onH2_theColumnsSelectivityIsTheDatas_onPostgresNothing() {
    auth.seedArea();
    for (int i = 0; i < 30; i++) {
      TestApi.Response r =
          api.post("doc1", "/api/v1/patients", PatientSamples.hypertensive(VILLAGE_1));
      assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    }

    boolean analysed = statistics.refresh();

    assertThat(analysed).isEqualTo(!TestDatabaseConfigurer.onPostgres());
    if (analysed) {
      // Unanalysed, H2 assumes 50 for every column; 30 distinct ids over 30 rows are 100, and
      // the one village over 30 rows is at most 10.
      assertThat(selectivity("id")).isEqualTo(100);
      assertThat(selectivity("village_code")).isBetween(1, 10);
    }
  }

  private int selectivity(String column) {
    List<Map<String, Object>> rows =
        SqlRows.read(
            transactions,
            "SELECT selectivity FROM information_schema.columns"
                + " WHERE table_name = 'patient' AND column_name = ?",
            column);
    assertThat(rows).hasSize(1);
    return ((Number) rows.get(0).get("selectivity")).intValue();
  }
}
