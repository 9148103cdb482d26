/**
 * Worklists: the patients of a village who need a follow-up now, computed from the follow-up
 * records for a reference date (domain.md §1.3, §1.5, §3, §8.4). Overdue (no face-to-face visit in
 * the current period, or the next follow-up date has passed), two-week rechecks, referrals waiting
 * for their 14-day follow-up and annual health checks due, plus per-village counts for supervisors.
 * Read-only: nothing here writes. See docs/worklists.md.
 */
package org.suifang.server.worklists;
