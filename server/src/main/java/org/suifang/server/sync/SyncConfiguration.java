package org.suifang.server.sync;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Settings of the sync feature ({@code suifang.sync.*}).
 *
 * @param maxClockSkew how far ahead of the server's clock a mutation's HLC may be before the server
 *     re-stamps it and marks it {@code clockSuspect} (docs/sync-protocol.md#identities-and-clocks)
 */
@ConfigurationProperties("suifang.sync")
record SyncConfiguration(@Bindable(defaultValue = "5m") @NotNull Duration maxClockSkew) {}
