package org.suifang.server.patients;

import io.micronaut.http.HttpStatus;
import org.suifang.server.common.ErrorCode;

/** Error codes of the patients feature, documented in docs/errors.md under "Patients". */
public enum PatientError implements ErrorCode {
  PATIENT_NOT_FOUND(HttpStatus.NOT_FOUND, "未找到该患者。", "No patient with this id."),
  PATIENT_ID_CONFLICT(
      HttpStatus.CONFLICT,
      "该患者编号已被另一份不同的登记使用。",
      "This patient id is already used by a different registration."),
  RESIDENT_ID_DUPLICATE(
      HttpStatus.CONFLICT,
      "本县已有使用该身份证号的患者。",
      "A patient with this resident ID number already exists in the county."),
  PATIENT_MERGED(
      HttpStatus.MOVED_PERMANENTLY,
      "该患者档案已合并到另一份档案，请使用 Location 中的地址。",
      "This patient record was merged into another one; use the address in Location."),
  PATIENT_ALREADY_MERGED(
      HttpStatus.CONFLICT,
      "该患者档案已合并到另一份档案。",
      "This patient record has already been merged into another one."),
  ;

  private final HttpStatus status;
  private final String messageZh;
  private final String messageEn;

  PatientError(HttpStatus status, String messageZh, String messageEn) {
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
