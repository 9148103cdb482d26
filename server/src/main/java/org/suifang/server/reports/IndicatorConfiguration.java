package org.suifang.server.reports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Indicator settings other than the definition of 规范管理 ({@code suifang.indicators.*}); see
 * docs/dashboard.md#overview-and-indicators.
 *
 * @param countTerminatedInPeriod a patient whose management was terminated (death, moved out,
 *     refused) within the period stays in the period's denominator; default false: they leave it
 *     (domain.md §8 item 7, "per local rules"). Terminated before the period start: never counted
 * @param hypertensionTarget the target of the hypertension 规范管理率, in percent; default 70
 * @param diabetesTarget the target of the diabetes 规范管理率, in percent; default 70
 */
@ConfigurationProperties("suifang.indicators")
record IndicatorConfiguration(
    @Bindable(defaultValue = "false") boolean countTerminatedInPeriod,
    @Bindable(defaultValue = "70") @Min(0) @Max(100) int hypertensionTarget,
    @Bindable(defaultValue = "70") @Min(0) @Max(100) int diabetesTarget) {}
