/**
 * The supervisors' review queue (docs/dashboard.md#review-queue): concurrent-edit conflicts and
 * their resolution, duplicate-patient candidates and the merge with a permanent redirect, rejected
 * mutations, assessment mismatches and classification overrides, as JSON under {@code
 * /api/v1/review} and as the page {@code /dashboard/review}. Everything is scoped to the caller's
 * township or county.
 */
package org.suifang.server.review;
