/**
 * Reports: the supervisors' performance indicators of domain.md §5 (managed patients, face-to-face
 * visits done against due, 规范管理率, 血压控制率, 血糖控制率, 健康管理率) per township, village or doctor for a
 * quarter or a year, their four-quarter trend, the population estimates they divide by, and the
 * overview page ({@code /dashboard}), JSON and CSV that show them. All three come from one service
 * call, so they agree. Read-only except the population estimates. See docs/dashboard.md.
 */
package org.suifang.server.reports;
