/**
 * The supervisors' patient page ({@code /dashboard/patients/{id}}): demographics and conditions,
 * the visit timeline with every form field, each assessment, amendments and voids, and the blood
 * pressure and glucose charts with their target lines. Every view is written to the audit log.
 */
package org.suifang.server.patients.chart;
