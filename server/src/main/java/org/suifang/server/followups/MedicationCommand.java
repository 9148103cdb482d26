package org.suifang.server.followups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One row of 用药情况 or 用药调整意见. An oral drug needs {@code timesPerDay} and {@code
 * mgPerDose}; an insulin row (diabetes form only) has {@code insulinType} and {@code
 * insulinDosage} (用法和用量, e.g. "早餐前12单位，晚餐前8单位") instead.
 *
 * @param drugName 药物名称
 * @param timesPerDay 每日 … 次
 * @param mgPerDose 每次 … mg
 * @param insulinType 胰岛素种类
 * @param insulinDosage 胰岛素用法和用量
 */
@Serdeable
record MedicationCommand(
    @NotBlank @Size(max = 100) String drugName,
    @Nullable @Min(1) @Max(24) Integer timesPerDay,
    @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") BigDecimal mgPerDose,
    @Nullable @Size(max = 50) String insulinType,
    @Nullable @Size(max = 100) String insulinDosage) {}
