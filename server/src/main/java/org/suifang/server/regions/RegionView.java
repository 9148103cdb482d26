package org.suifang.server.regions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One region, without its children. Fields as in {@link Region}. */
// Empty lists and nulls are written out, so clients always see every field.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record RegionView(
    String code,
    RegionLevel level,
    String name,
    @Nullable String parentCode,
    String countyCode,
    @Nullable String urbanRuralCode,
    @Nullable String healthRecordSegment) {

  static RegionView of(Region r) {
    return new RegionView(r.code(), r.level(), r.name(), r.parentCode(), r.countyCode(),
        r.urbanRuralCode(), r.healthRecordSegment());
  }
}
