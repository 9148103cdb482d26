package org.suifang.server.review;

import io.micronaut.http.HttpStatus;
import org.suifang.server.common.ErrorCode;

/** Error codes of the review queue, documented in docs/errors.md under "Review queue". */
public enum ReviewError implements ErrorCode {
  CONFLICT_NOT_FOUND(HttpStatus.NOT_FOUND, "未找到该冲突记录。", "No conflict with this id."),
  CONFLICT_ALREADY_RESOLVED(
      HttpStatus.CONFLICT, "该冲突已经处理过了。", "This conflict has already been resolved."),
  CONFLICT_OUTDATED(
      HttpStatus.CONFLICT,
      "该字段在冲突之后又被修改过，请重新查看患者资料后再处理。",
      "The field was changed again after the conflict; look at the patient again before resolving."),
  MERGE_CANDIDATE_NOT_FOUND(
      HttpStatus.NOT_FOUND, "未找到该疑似重复记录。", "No duplicate-patient candidate with this id."),
  MERGE_CANDIDATE_CLOSED(
      HttpStatus.CONFLICT,
      "该疑似重复记录已经合并或排除了。",
      "This duplicate-patient candidate has already been merged or dismissed."),
  ;

  private final HttpStatus status;
  private final String messageZh;
  private final String messageEn;

  ReviewError(HttpStatus status, String messageZh, String messageEn) {
    this.status = status;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }

  @Override
  public HttpStatus status() {
    return status;
  }

  @Override
  public String messageZh() {
    return messageZh;
  }

  @Override
  public String messageEn() {
    return messageEn;
  }
}
