package org.suifang.server.followups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * 转诊: a referral made at this visit.
 *
 * @param reason 原因
 * @param facility 机构, e.g. "××市人民医院"
 * @param department 科别, e.g. "心内科"
 * @param contact 联系人
 * @param contactPhone 联系电话
 */
@Serdeable
record ReferralCommand(
    @NotBlank @Size(max = 200) String reason,
    @NotBlank @Size(max = 100) String facility,
    @Nullable @Size(max = 50) String department,
    @Nullable @Size(max = 50) String contact,
    @Nullable @Size(max = 20) String contactPhone) {}
