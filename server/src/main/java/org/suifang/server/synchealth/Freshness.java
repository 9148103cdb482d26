package org.suifang.server.synchealth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * How fresh the server's data of some villages is: what their doctors' tablets last delivered.
 * Shown next to indicators, so a reader knows whether the figures may still change.
 *
 * @param devices the devices of the villages' doctors
 * @param oldestSyncAt the oldest last successful sync among them; null if none ever synced
 * @param newestSyncAt the newest one; null if none ever synced
 * @param pendingTotal changes still waiting on those tablets, as they last reported
 * @param staleDevices devices without a successful sync for {@code suifang.dashboard.stale-after}
 * @param doctorsWithoutDevice doctors of the villages who never registered a tablet
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record Freshness(
    int devices,
    @Nullable Instant oldestSyncAt,
    @Nullable Instant newestSyncAt,
    int pendingTotal,
    int staleDevices,
    int doctorsWithoutDevice) {}
