package org.suifang.server.sim;

import java.util.ArrayList;
import java.util.List;
import org.suifang.client.Patient;
import org.suifang.client.PatientQuery;
import org.suifang.client.Rejection;
import org.suifang.client.SuifangClient;
import org.suifang.client.SuifangException;
import org.suifang.client.Visit;
import org.suifang.client.internal.state.OutboxEntry;

/**
 * A tablet's whole visible state as one string: every patient and visit as the app reads them, the
 * outbox (mutation ids and seqs), the rejections and the device id. Two equal fingerprints mean the
 * app cannot tell the two states apart.
 */
final class Fingerprint {
  private Fingerprint() {}

  static String of(SimTablet t) {
    SuifangClient c = t.client();
    StringBuilder sb = new StringBuilder();
    sb.append("device ").append(c.deviceId()).append('\n');
    List<Patient> patients =
        new ArrayList<>(c.patients().search(PatientQuery.newBuilder().build()));
    patients.sort((a, b) -> a.id().compareTo(b.id()));
    for (Patient p : patients) {
      sb.append(p).append('\n');
      try {
        for (Visit v : c.followUps().history(p.id())) {
          sb.append("  ").append(v).append('\n');
        }
      } catch (SuifangException e) {
        sb.append("  history failed: ").append(e.code()).append('\n');
      }
    }
    synchronized (t.core().lock()) {
      for (OutboxEntry e : t.core().state().outbox()) {
        sb.append("outbox ").append(e.mutationId()).append(' ').append(e.seq()).append('\n');
      }
    }
    for (Rejection r : c.needsAttention()) {
      sb.append("rejected ").append(r.mutationId()).append(' ').append(r.code()).append('\n');
    }
    return sb.toString();
  }
}
