package org.suifang.server.regions;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.UUID;

/** A township health centre or village clinic, located in one region. */
@MappedEntity("facility")
record Facility(@Id UUID id, String name, FacilityKind kind, String regionCode) {}
