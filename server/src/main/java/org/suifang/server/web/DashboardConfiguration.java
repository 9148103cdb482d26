package org.suifang.server.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Settings under {@code suifang.dashboard}; see docs/dashboard.md.
 *
 * @param secureCookie whether the session cookie is marked {@code Secure} (sent over HTTPS only);
 *     off by default because health-centre intranets often serve plain HTTP. Switch it on whenever
 *     the server is reached over HTTPS
 * @param sessionTtl how long a dashboard session lasts after sign-in (no sliding renewal)
 * @param staleAfter a device with no successful sync for this long is shown as stale
 */
@ConfigurationProperties("suifang.dashboard")
public record DashboardConfiguration(
    @Bindable(defaultValue = "false") boolean secureCookie,
    @Bindable(defaultValue = "8h") @NotNull Duration sessionTtl,
    @Bindable(defaultValue = "3d") @NotNull Duration staleAfter) {}
