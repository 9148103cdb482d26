package org.suifang.server.regions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/** A facility as the API shows it. */
// Empty lists and nulls are written out, so clients always see every field.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record FacilityView(UUID id, String name, FacilityKind kind, String regionCode) {

  static FacilityView of(Facility f) {
    return new FacilityView(f.id(), f.name(), f.kind(), f.regionCode());
  }
}
