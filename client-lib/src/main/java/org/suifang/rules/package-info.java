/**
 * The clinical rules of the National Basic Public Health Service (3rd edition) for hypertension and
 * type 2 diabetes follow-up: danger signs, visit classification, next-step codes and due dates, and
 * the validation of measured values and identity numbers. Pure Java: no I/O and no clock reads, so
 * a tablet and the server always reach the same answer for the same visit.
 */
@ParametersAreNonnullByDefault
package org.suifang.rules;

import javax.annotation.ParametersAreNonnullByDefault;
