package org.suifang.server.regions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A region with the facilities in it and the child regions the current user may see.
 *
 * @param code the 12-digit NBS code
 * @param level the level
 * @param name the name
 * @param parentCode the enclosing region, null for a county
 * @param urbanRuralCode the NBS urban-rural code, or null
 * @param healthRecordSegment the village's health-record segment, or null
 * @param facilities the facilities located in this region (not in its children)
 * @param children the visible child regions, ordered by code
 */
// Empty lists and nulls are written out, so clients always see every field.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
record RegionNodeView(
    String code,
    RegionLevel level,
    String name,
    @Nullable String parentCode,
    @Nullable String urbanRuralCode,
    @Nullable String healthRecordSegment,
    List<FacilityView> facilities,
    List<RegionNodeView> children) {}
