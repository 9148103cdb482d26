package org.suifang.server.worklists;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The yearly visit count behind the "at risk of missing the yearly visit count" list ({@code
 * suifang.worklists.at-risk.*}); see docs/worklists.md. Keep it in step with the 规范管理 settings of
 * the indicators ({@code suifang.indicators.standard-management.*}).
 *
 * @param requiredVisitsPerYear face-to-face visits a patient needs in an assessment year (4)
 * @param proRate whether a patient registered during the year needs only the share of the year
 *     left: {@code ceil(required × months from the registration month to the year end / 12)}
 */
@ConfigurationProperties("suifang.worklists.at-risk")
record AtRiskConfiguration(
    @Bindable(defaultValue = "4") @Min(1) @Max(52) int requiredVisitsPerYear,
    @Bindable(defaultValue = "true") boolean proRate) {}
