package org.suifang.server.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The estimated patients of a township in a year ({@code PUT
 * /api/v1/admin/population-estimates/{townshipCode}/{year}}): resident adults × prevalence
 * (domain.md §5.2). Null: no estimate for that disease.
 */
@Serdeable
record PopulationEstimateCommand(
    @Nullable @Min(1) @Max(10_000_000) Integer hypertension,
    @Nullable @Min(1) @Max(10_000_000) Integer diabetes) {}
