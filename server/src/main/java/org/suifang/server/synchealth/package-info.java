/**
 * Sync health: one row per tablet and doctor of a supervisor's or administrator's area (last
 * successful sync, what is still pending on the tablet, clock offset, app version, rejected
 * mutations), with stale devices and suspect clocks flagged, as JSON, CSV and the dashboard page
 * {@code /dashboard/sync-health}; and {@link
 * org.suifang.server.synchealth.SyncHealthService#freshness} for other reports to show how fresh
 * their data is. See docs/dashboard.md#sync-health.
 */
package org.suifang.server.synchealth;
