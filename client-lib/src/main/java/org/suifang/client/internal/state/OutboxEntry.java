package org.suifang.client.internal.state;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.MutationType;
import org.suifang.client.internal.net.MutationWire;
import org.suifang.client.internal.net.ResultWire;

/**
 * A mutation of the outbox with what the device knows about it: the patient and record it is about,
 * the tablet's version of a recorded visit, and once acknowledged, the server's result.
 * Acknowledged entries stay (retained) for re-sending after a server restore, and lay their change
 * over the pulled data until the cursor reaches the result's {@code changeSeq}.
 */
public final class OutboxEntry {

  /** {@link #overlayUntil} value meaning "until the pull after a reset reaches its end". */
  public static final long UNTIL_RESET_PULL_ENDS = -1L;

  @SerializedName("mutation")
  public @Nullable MutationWire mutation;

  @SerializedName("patientId")
  public @Nullable UUID patientId;

  @SerializedName("recordId")
  public @Nullable UUID recordId;

  @SerializedName("localVisit")
  public @Nullable VisitData localVisit;

  @SerializedName("result")
  public @Nullable ResultWire result;

  @SerializedName("ackedAt")
  public @Nullable Instant ackedAt;

  @SerializedName("ackedDeviceId")
  public @Nullable UUID ackedDeviceId;

  @SerializedName("overlayUntil")
  public long overlayUntil;

  public MutationWire mutation() {
    if (mutation == null) {
      throw new IllegalStateException("outbox entry without a mutation");
    }
    return mutation;
  }

  public UUID mutationId() {
    UUID id = mutation().mutationId;
    if (id == null) {
      throw new IllegalStateException("mutation without an id");
    }
    return id;
  }

  public long seq() {
    return mutation().deviceSeq;
  }

  public MutationType type() {
    return MutationType.valueOf(mutation().type);
  }

  public boolean isRejected() {
    return result != null && "REJECTED".equals(result.status);
  }
}
