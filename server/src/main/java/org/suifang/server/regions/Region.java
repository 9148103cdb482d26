package org.suifang.server.regions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A county, township or village.
 *
 * @param code the 12-digit NBS statistical division code
 * @param level the level, consistent with the code
 * @param name the name, e.g. 南关村委会
 * @param parentCode the enclosing region, null for a county
 * @param countyCode the county the region lies in (its own code for a county)
 * @param urbanRuralCode the NBS urban-rural code (111 … 220), or null
 * @param healthRecordSegment the village segment of the 17-digit health-record number as the county
 *     maps it (domain.md §6.2), or null
 */
@MappedEntity("region")
public record Region(
    @Id String code,
    RegionLevel level,
    String name,
    @Nullable String parentCode,
    String countyCode,
    @Nullable String urbanRuralCode,
    @Nullable String healthRecordSegment) {}
