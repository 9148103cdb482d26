/**
 * Follow-up records (随访服务记录表): one record is one disease form (hypertension or type 2
 * diabetes) of one encounter, validated by the shared rule library's {@code VisitValidator} and
 * assessed by its {@code Assessor} (danger signs, urgent referral, classification, next step, due
 * date) with the configured rule set. Records are immutable facts: a correction is a new record
 * that amends the original, and a void keeps the record with its reason, author and time.
 */
package org.suifang.server.followups;
