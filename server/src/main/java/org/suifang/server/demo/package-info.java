/**
 * Demo data for {@code ./mvnw -Prun} (environment {@code demo}, {@code suifang.demo.enabled=true}):
 * at startup, once, a county with two townships and six villages, their facilities and users, and
 * about 300 patients with a year of follow-ups up to today, generated from a fixed seed. Patients
 * and follow-ups go through the REST API, so every visit is validated and assessed by the same
 * rules as a tablet's. Nothing here is active outside demo mode. See docs/demo-data.md.
 */
package org.suifang.server.demo;
