package org.suifang.server.worklists;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;
import org.suifang.rules.Sex;

/**
 * The patient of a worklist entry: who to contact and where.
 *
 * @param age whole years on the worklist's reference date
 * @param status ACTIVE (管理中) or LOST_TO_FOLLOW_UP (暂时失访; only on the overdue list)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record WorklistPatientView(
    UUID id,
    String name,
    Sex sex,
    int age,
    @Nullable String phone,
    @Nullable String address,
    String villageCode,
    String status) {}
