package org.suifang.server.sync;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.suifang.rules.RuleSet;
import org.suifang.server.auth.CurrentUser;

/**
 * Registers tablets (docs/sync-protocol.md#device-registration). Registering is idempotent: the
 * same device again keeps its {@code lastSeq}; another user registering it becomes its current
 * user, and every user who registered it may author mutations pushed from it.
 */
@Singleton
class DeviceService {

  private final DeviceRepository devices;
  private final SyncEpoch epochs;
  private final RuleSet ruleSet;
  private final TransactionOperations<Connection> transactions;
  private final Clock clock;

  DeviceService(
      DeviceRepository devices,
      SyncEpoch epochs,
      RuleSet ruleSet,
      TransactionOperations<Connection> transactions,
      Clock clock) {
    this.devices = devices;
    this.epochs = epochs;
    this.ruleSet = ruleSet;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Registers the device for the user, or registers it again, in one transaction. */
  DeviceView register(DeviceCommand command, CurrentUser user) {
    try {
      return transactions.executeWrite(status -> registerNow(command, user));
    } catch (DataAccessException e) {
      // Two first registrations of one device raced and the other inserted the row first: this
      // attempt rolled back; the next one finds the row and locks it.
      return transactions.executeWrite(status -> registerNow(command, user));
    }
  }

  private DeviceView registerNow(DeviceCommand command, CurrentUser user) {
    Instant now = clock.instant();
    Optional<Device> existing = devices.findByIdForUpdate(command.deviceId());
    Device device;
    if (existing.isPresent()) {
      devices.updateRegistration(
          command.deviceId(),
          user.id(),
          command.appVersion(),
          command.platform(),
          command.model(),
          now);
      device = existing.get();
    } else {
      devices.save(
          new Device(
              command.deviceId(),
              user.id(),
              command.appVersion(),
              command.platform(),
              command.model(),
              now,
              0,
              now,
              null,
              0,
              null,
              null,
              0));
      // Answer with the row as stored (timestamp precision), exactly as a later registration.
      device = devices.findById(command.deviceId()).orElseThrow();
    }
    if (devices.countDeviceUser(device.id(), user.id()) == 0) {
      devices.insertDeviceUser(device.id(), user.id(), now);
    }
    return new DeviceView(
        device.id(),
        user.id(),
        device.lastSeq(),
        epochs.current(),
        ruleSet.id(),
        device.registeredAt());
  }

  /** Returns the device if the user has registered it, without locking it. Needs a transaction. */
  Optional<Device> registeredBy(UUID deviceId, CurrentUser user) {
    return devices.findById(deviceId).filter(d -> devices.countDeviceUser(deviceId, user.id()) > 0);
  }
}
