package org.suifang.server.auth;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The login limits kept in memory, per instance (a restart forgets them, which only helps a
 * legitimate user; with several instances an address gets the limit once per instance, while the
 * account locks that protect passwords live in the database and are shared):
 *
 * <ul>
 *   <li>failures per client address in a fixed window ({@code suifang.auth.max-failures-per-ip} in
 *       {@code ip-window}), which slows down guessing across many usernames;
 *   <li>failure counts and locks for usernames that do not exist, so that they lock exactly like
 *       real accounts and a lock does not reveal that a username exists.
 * </ul>
 *
 * Both maps are bounded; the least recently touched entries are dropped first. Thread-safe.
 */
@Singleton
class LoginThrottle {

  private static final int MAX_ENTRIES = 10_000;

  private final AuthConfiguration config;
  private final Map<String, Window> addresses = lru();
  private final Map<String, Phantom> unknownUsers = lru();

  LoginThrottle(AuthConfiguration config) {
    this.config = config;
  }

  /** Returns when the address may try again, or null if it may try now. */
  synchronized @Nullable Instant addressBlockedUntil(String address, Instant now) {
    Window w = addresses.get(address);
    if (w == null) {
      return null;
    }
    Instant end = w.start.plus(config.ipWindow());
    if (!end.isAfter(now)) {
      addresses.remove(address);
      return null;
    }
    return w.failures >= config.maxFailuresPerIp() ? end : null;
  }

  /** Counts a failed login from the address. */
  synchronized void recordAddressFailure(String address, Instant now) {
    Window w = addresses.get(address);
    if (w == null || !w.start.plus(config.ipWindow()).isAfter(now)) {
      w = new Window(now);
      addresses.put(address, w);
    }
    w.failures++;
  }

  /** Returns when a lock on an unknown username ends, or null if it is not locked. */
  synchronized @Nullable Instant unknownUserLockedUntil(String username, Instant now) {
    Phantom p = unknownUsers.get(username);
    return p != null && p.lockedUntil != null && p.lockedUntil.isAfter(now) ? p.lockedUntil : null;
  }

  /** Counts a failed login for an unknown username and returns the consecutive count. */
  synchronized int recordUnknownUserFailure(String username) {
    Phantom p = unknownUsers.computeIfAbsent(username, k -> new Phantom());
    return ++p.failures;
  }

  /** Locks an unknown username like {@code UserService.lock} locks an account. */
  synchronized void lockUnknownUser(String username, Instant until) {
    Phantom p = unknownUsers.computeIfAbsent(username, k -> new Phantom());
    p.failures = 0;
    p.lockedUntil = until;
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_ENTRIES;
      }
    };
  }

  private static final class Window {
    final Instant start;
    int failures;

    Window(Instant start) {
      this.start = start;
    }
  }

  private static final class Phantom {
    int failures;
    @Nullable Instant lockedUntil;
  }
}
