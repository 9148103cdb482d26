package org.suifang.server.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/devices} (docs/sync-protocol.md#device-registration).
 *
 * @param deviceId the random id the tablet made on its first start
 * @param appVersion the app's version, e.g. {@code 0.3.0}
 * @param platform the operating system, e.g. {@code Android 8.1}
 * @param model the hardware model
 */
@Serdeable
record DeviceCommand(
    @NotNull UUID deviceId,
    @Nullable @Size(max = 40) String appVersion,
    @Nullable @Size(max = 100) String platform,
    @Nullable @Size(max = 100) String model) {}
