package org.suifang.server.regions;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Creates a facility. A township health centre lies in a township, a village clinic in a village.
 *
 * @param name the name, e.g. 南关镇卫生院
 * @param kind the kind
 * @param regionCode the township or village it lies in
 */
@Serdeable
public record FacilityCommand(
    @NotBlank @Size(max = 100) String name,
    @NotNull FacilityKind kind,
    @NotBlank String regionCode) {}
