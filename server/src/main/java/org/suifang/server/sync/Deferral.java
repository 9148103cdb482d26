package org.suifang.server.sync;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The follow-up writes of the mutation being applied in a batch that defers its stamps ({@link
 * ChangeSequencer#deferFollowUpsTo}): the follow-ups it wrote, to be numbered at the batch's end,
 * and the rows it holds to insert then ({@link ChangeStamps#followUpInserted}). {@code earlier} is
 * the batch's own map of the rows its earlier applied mutations hold and have not inserted yet, so
 * that this mutation can insert those it must see ({@link #release}). A mutation rolled back to its
 * savepoint drops its deferral, and with it its held rows, and gives back those it released ({@link
 * #rolledBack}).
 */
final class Deferral {

  private final List<UUID> followUps = new ArrayList<>();
  private final Map<UUID, HeldRow> held = new LinkedHashMap<>();
  private final Map<UUID, HeldRow> earlier;
  private final Map<UUID, HeldRow> released = new LinkedHashMap<>();

  Deferral(Map<UUID, HeldRow> earlier) {
    this.earlier = earlier;
  }

  /** Adds a follow-up written by this mutation, to be numbered at the batch's end. */
  void written(UUID followUpId) {
    followUps.add(followUpId);
  }

  /** Holds this mutation's new follow-up row, to be inserted at the batch's end. */
  void hold(UUID followUpId, HeldRow row) {
    followUps.add(followUpId);
    held.put(followUpId, row);
  }

  /**
   * Inserts now, without their numbers, the rows of the batch's earlier mutations that {@code
   * which} selects; they are numbered at the batch's end by an update, like rows written directly.
   */
  void release(Predicate<HeldRow> which) {
    for (Iterator<Map.Entry<UUID, HeldRow>> rows = earlier.entrySet().iterator();
        rows.hasNext(); ) {
      Map.Entry<UUID, HeldRow> row = rows.next();
      if (which.test(row.getValue())) {
        row.getValue().insert(0);
        released.put(row.getKey(), row.getValue());
        rows.remove();
      }
    }
  }

  /**
   * Gives the rows this mutation released back to the batch, held again: the mutation was rolled
   * back to its savepoint, and their inserts with it.
   */
  void rolledBack() {
    earlier.putAll(released);
    released.clear();
  }

  /** The follow-ups this mutation wrote, in order. */
  List<UUID> followUps() {
    return followUps;
  }

  /** The rows this mutation holds, by follow-up id. */
  Map<UUID, HeldRow> held() {
    return held;
  }
}
