package org.suifang.server.sync;

/**
 * A follow-up row that a batch of pushed follow-up mutations holds in memory and inserts at the
 * batch's end with its change number, instead of inserting it at once and updating its number later
 * ({@link ChangeStamps#followUpInserted}).
 */
public interface HeldRow {

  /**
   * Inserts the row, and the rows that depend on it, with this change number: 0 for a row inserted
   * early ({@link ChangeStamps#release}), whose number is written by an update at the batch's end.
   * Throws no {@link org.suifang.server.common.ApiException}: a failure here fails the whole batch,
   * which is then processed again one mutation per transaction.
   */
  void insert(long changeSeq);
}
