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
 * @param residentId the resident ID number, masked ({@code 130627********1234}) unless asked for in
 *     full; only on the dashboard's area lists
 * @param villageName the village's name; only on the area lists
 * @param doctorId the patient's doctor (who signed the latest current visit, else who registered
 *     the patient); only on the area lists
 * @param doctorName that doctor's display name; only on the area lists
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
    String status,
    @Nullable String residentId,
    @Nullable String villageName,
    @Nullable UUID doctorId,
    @Nullable String doctorName) {

  /** Returns the view with the dashboard's area columns added. */
  WorklistPatientView withArea(
      @Nullable String residentId,
      @Nullable String villageName,
      @Nullable UUID doctorId,
      @Nullable String doctorName) {
    return new WorklistPatientView(
        id,
        name,
        sex,
        age,
        phone,
        address,
        villageCode,
        status,
        residentId,
        villageName,
        doctorId,
        doctorName);
  }
}
