package org.suifang.server.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A township's estimated patients in a year, the denominator of 健康管理率. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
record PopulationEstimateView(
    String townshipCode,
    int year,
    @Nullable Integer hypertension,
    @Nullable Integer diabetes,
    UUID updatedBy,
    Instant updatedAt) {

  static PopulationEstimateView of(PopulationEstimateRepository.Estimate e) {
    return new PopulationEstimateView(
        e.townshipCode(), e.year(), e.hypertension(), e.diabetes(), e.updatedBy(), e.updatedAt());
  }
}
