package org.suifang.server.followups;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.suifang.rules.Assessment;
import org.suifang.rules.DangerSign;

/**
 * Compares the tablet's assessment of a follow-up with the server's re-assessment. The server's
 * assessment is the one stored and counted; a difference is kept for a supervisor, because it means
 * the tablet showed the doctor other advice (an outdated rule set, a bug, or a changed patient).
 */
final class AssessmentMismatch {

  /** {@code follow_up.assessment_mismatch} holds at most this many characters. */
  static final int MAX_LENGTH = 1000;

  private AssessmentMismatch() {}

  /**
   * Returns what differs, e.g. {@code "classification: tablet CONTROLLED, server UNCONTROLLED;
   * nextDueDate: tablet 2027-02-19, server 2026-12-05"}, or null when the rule set, the danger
   * signs (as a set), the urgent referral, the classification, the next step and the due date all
   * agree. Values are enum names and ISO dates, the same in every language.
   */
  @Nullable
  static String describe(ClientAssessment tablet, Assessment server) {
    List<String> differences = new ArrayList<>();
    compare(differences, "ruleSetId", tablet.ruleSetId(), server.ruleSetId());
    Set<String> tabletSigns =
        tablet.dangerSigns() == null ? new TreeSet<>() : new TreeSet<>(tablet.dangerSigns());
    Set<String> serverSigns = new TreeSet<>();
    for (DangerSign sign : server.dangerSigns()) {
      serverSigns.add(sign.name());
    }
    compare(differences, "dangerSigns", tabletSigns, serverSigns);
    compare(differences, "urgentReferral", tablet.urgentReferral(), server.urgentReferral());
    compare(
        differences,
        "classification",
        tablet.classification(),
        server.classification() == null ? null : server.classification().name());
    compare(
        differences,
        "nextStep",
        tablet.nextStep(),
        server.nextStep() == null ? null : server.nextStep().name());
    compare(differences, "nextDueDate", tablet.nextDueDate(), server.nextDueDate());
    if (differences.isEmpty()) {
      return null;
    }
    String text = String.join("; ", differences);
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }

  private static void compare(
      List<String> differences, String name, @Nullable Object tablet, @Nullable Object server) {
    if (!Objects.equals(tablet, server)) {
      differences.add(name + ": tablet " + tablet + ", server " + server);
    }
  }
}
