package org.suifang.client;

import javax.annotation.Nullable;

/** A {@link TokenStore} in memory that remembers every session saved, in order. */
final class InMemoryTokenStore implements TokenStore {
  @Nullable private Session session;
  final java.util.List<Session> saved = new java.util.ArrayList<>();

  InMemoryTokenStore(@Nullable Session session) {
    this.session = session;
  }

  @Override
  @Nullable
  public synchronized Session load() {
    return session;
  }

  @Override
  public synchronized void save(Session session) {
    this.session = session;
    saved.add(session);
  }

  @Override
  public synchronized void clear() {
    session = null;
  }
}
