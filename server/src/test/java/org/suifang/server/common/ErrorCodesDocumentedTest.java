package org.suifang.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.suifang.server.auth.AuthError;
import org.suifang.server.followups.FollowUpError;
import org.suifang.server.patients.PatientError;
import org.suifang.server.regions.RegionError;
import org.suifang.server.reports.ReportError;
import org.suifang.server.review.ReviewError;
import org.suifang.server.sync.SyncError;
import org.suifang.server.users.UserError;
import org.suifang.server.web.WebError;
import org.suifang.server.worklists.WorklistError;

/** Every error code is documented under its anchor in docs/errors.md, and no two share a name. */
class ErrorCodesDocumentedTest {

  /** Every enum of error codes in the server. Add a feature's enum here when you create it. */
  static List<ErrorCode> allCodes() {
    List<ErrorCode> all = new ArrayList<>();
    all.addAll(List.of(CommonError.values()));
    all.addAll(List.of(AuthError.values()));
    all.addAll(List.of(UserError.values()));
    all.addAll(List.of(RegionError.values()));
    all.addAll(List.of(PatientError.values()));
    all.addAll(List.of(FollowUpError.values()));
    all.addAll(List.of(WorklistError.values()));
    all.addAll(List.of(SyncError.values()));
    all.addAll(List.of(ReviewError.values()));
    all.addAll(List.of(ReportError.values()));
    all.addAll(List.of(WebError.values()));
    return all;
  }

  @Test
  void everyCode_hasAnAnchorInErrorsMd() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "errors.md"));
    for (ErrorCode code : allCodes()) {
      assertThat(doc)
          .as("docs/errors.md anchor for " + code.name())
          .contains("<a id=\"" + code.anchor() + "\"></a>");
    }
  }

  @Test
  void codes_areUniqueAcrossFeatures() {
    Set<String> seen = new HashSet<>();
    for (ErrorCode code : allCodes()) {
      assertThat(seen.add(code.name())).as("duplicate code " + code.name()).isTrue();
    }
  }
}
