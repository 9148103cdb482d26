package org.suifang.server.reports;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** {@link SyncFreshness} read from {@code device}, {@code device_user} and {@code user_village}. */
@Singleton
class JdbcSyncFreshness implements SyncFreshness {

  private final JdbcOperations jdbc;

  JdbcSyncFreshness(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public List<DeviceSync> devices(Collection<String> villageCodes) {
    if (villageCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.prepareStatement(
        "SELECT d.id, du.user_id, uv.village_code, d.last_sync_at, d.pending_count"
            + " FROM device d JOIN device_user du ON du.device_id = d.id"
            + " JOIN user_village uv ON uv.user_id = du.user_id"
            + " WHERE uv.village_code IN ("
            + IndicatorRepository.marks(villageCodes.size())
            + ")",
        ps -> {
          IndicatorRepository.bind(ps, List.copyOf(villageCodes));
          List<DeviceSync> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              OffsetDateTime last = rs.getObject(4, OffsetDateTime.class);
              out.add(
                  new DeviceSync(
                      rs.getObject(1, UUID.class),
                      rs.getObject(2, UUID.class),
                      rs.getString(3),
                      last == null ? null : last.toInstant(),
                      rs.getInt(5)));
            }
          }
          return out;
        });
  }
}
