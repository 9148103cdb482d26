package org.suifang.server.followups;

import io.micronaut.http.HttpStatus;
import org.suifang.server.common.ErrorCode;

/** Error codes of the follow-ups feature, documented in docs/errors.md under "Follow-ups". */
public enum FollowUpError implements ErrorCode {
  FOLLOW_UP_NOT_FOUND(HttpStatus.NOT_FOUND, "未找到该随访记录。", "No follow-up record with this id."),
  FOLLOW_UP_ID_CONFLICT(HttpStatus.CONFLICT,
      "该随访记录编号已被另一份不同的记录使用。", "This follow-up id is already used by a different record."),
  FOLLOW_UP_ALREADY_VOIDED(HttpStatus.CONFLICT, "该随访记录已作废。", "This follow-up record is already voided."),
  FOLLOW_UP_SUPERSEDED(HttpStatus.CONFLICT,
      "该随访记录已被更正，请对最新的记录操作。", "This follow-up record was amended; act on the newest version."),
  FOLLOW_UP_VOIDED(HttpStatus.CONFLICT, "已作废的随访记录不能更正。", "A voided follow-up record cannot be amended."),
  PATIENT_TERMINATED(HttpStatus.CONFLICT,
      "该患者已终止管理，不能登记终止日期之后的随访。",
      "The patient's management was terminated; no follow-up after the termination date can be recorded."),
  ;

  private final HttpStatus status;
  private final String messageZh;
  private final String messageEn;

  FollowUpError(HttpStatus status, String messageZh, String messageEn) {
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
