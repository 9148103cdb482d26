/**
 * Patients under hypertension and type 2 diabetes management: registration with a
 * client-generated id, demographics (validated resident id and health-record number), the
 * conditions with their diagnosis dates, and the management status (管理中 / 暂时失访 / 终止管理).
 * Access follows the caller's area: a village doctor reads and writes the patients of their own
 * villages; supervisors and county administrators only read. {@link
 * org.suifang.server.patients.PatientService} is the entry point other features use.
 */
package org.suifang.server.patients;
