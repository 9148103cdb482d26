package org.suifang.client;

import java.lang.reflect.Field;
import org.suifang.client.internal.ClientCore;
import org.suifang.client.internal.state.ClientState;

/** Reaches a client's internal state, to check what it stored. */
final class TestAccess {
  private TestAccess() {}

  static ClientCore core(SuifangClient client) {
    try {
      Field f = SuifangClient.class.getDeclaredField("core");
      f.setAccessible(true);
      return (ClientCore) f.get(client);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static ClientState state(SuifangClient client) {
    ClientCore core = core(client);
    synchronized (core.lock()) {
      return core.state();
    }
  }
}
