package org.suifang.server.regions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Creates a region. The parent is implied by the code (a township's county, a village's township)
 * and must exist already.
 *
 * @param code the 12-digit NBS code
 * @param level the level; must match the code
 * @param name the name
 * @param urbanRuralCode the NBS urban-rural code, or null
 * @param healthRecordSegment the village's health-record segment (001–099, 101–199, 901–999), or
 *     null
 */
@Serdeable
public record RegionCommand(
    @NotBlank String code,
    @NotNull RegionLevel level,
    @NotBlank @Size(max = 100) String name,
    @Nullable String urbanRuralCode,
    @Nullable String healthRecordSegment) {

  /** Creates a command without the optional codes. */
  public static RegionCommand of(String code, RegionLevel level, String name) {
    return new RegionCommand(code, level, name, null, null);
  }
}
