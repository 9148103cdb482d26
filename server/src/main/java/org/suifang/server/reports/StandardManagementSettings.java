package org.suifang.server.reports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The county's definition of 规范管理 (domain.md §5.3), {@code
 * suifang.indicators.standard-management.*}; see docs/dashboard.md#overview-and-indicators.
 *
 * @param proRate required visits count only the quarters of the period during which the patient was
 *     under management (registered by the quarter's end); false: every quarter of the period (4 a
 *     year, 1 a quarter) regardless of when the patient was registered. Default true
 * @param quarterlySpacing every required quarter needs at least one counted face-to-face visit;
 *     false: only the number of counted visits in the period matters. Default true
 * @param countPhoneVisits telephone visits count as visits done; default false (a phone call is not
 *     face-to-face)
 * @param annualCheckCounts a follow-up marked as the annual health check of a patient aged 65 or
 *     more counts as a visit; default true
 * @param requireHealthCheck a patient is 规范管理 only with a face-to-face visit marked as the annual
 *     health check in the period's year, on or before the period end; default false
 */
@Serdeable
@ConfigurationProperties("suifang.indicators.standard-management")
record StandardManagementSettings(
    @Bindable(defaultValue = "true") boolean proRate,
    @Bindable(defaultValue = "true") boolean quarterlySpacing,
    @Bindable(defaultValue = "false") boolean countPhoneVisits,
    @Bindable(defaultValue = "true") boolean annualCheckCounts,
    @Bindable(defaultValue = "false") boolean requireHealthCheck) {

  /** The defaults, as documented. */
  static final StandardManagementSettings DEFAULTS =
      new StandardManagementSettings(true, true, false, true, false);
}
