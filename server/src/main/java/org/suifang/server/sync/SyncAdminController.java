package org.suifang.server.sync;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suifang.server.auth.CurrentUser;

/** The county administrator's sync operations. */
@Controller("/api/v1/admin/sync")
@Secured("COUNTY_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class SyncAdminController {

  private static final Logger LOG = LoggerFactory.getLogger(SyncAdminController.class);

  private final SyncEpoch epochs;
  private final ChangeSequencer sequencer;
  private final TransactionOperations<Connection> transactions;

  SyncAdminController(
      SyncEpoch epochs, ChangeSequencer sequencer, TransactionOperations<Connection> transactions) {
    this.epochs = epochs;
    this.sequencer = sequencer;
    this.transactions = transactions;
  }

  /**
   * Rotates the epoch after the database was restored from a backup: every device's next sync
   * answers {@code resetRequired} and pulls its scope afresh, keeping its outbox.
   */
  @Post("/epoch")
  EpochView rotateEpoch(CurrentUser admin) {
    EpochView view =
        transactions.executeWrite(status -> new EpochView(epochs.rotate(), sequencer.head()));
    LOG.info("User {} rotated the sync epoch to {}", admin.id(), view.epoch());
    return view;
  }
}
