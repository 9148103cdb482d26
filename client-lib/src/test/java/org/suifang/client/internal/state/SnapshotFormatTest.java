package org.suifang.client.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParseException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suifang.client.internal.Json;

/**
 * The snapshot's layout (docs/local-store.md "Snapshot"): the follow-up records in {@link
 * RecordCodec}'s binary encoding after a JSON head. Every field of every stored record class
 * survives a snapshot and a reopen; a JSON snapshot as main wrote it (every null written) still
 * opens, to the same state; a damaged binary snapshot fails as unreadable.
 */
class SnapshotFormatTest {

  /** A state whose follow-up records have every field of every class set, no field null. */
  static StateData filledState() throws Exception {
    StateData d = new StateData();
    d.hlc = 113045465464705350L;
    d.lastDeviceSeq = 7;
    d.ackedThroughSeq = 5;
    d.serverLastSeq = 6;
    d.deviceId = new UUID(0x0190f5c4_0000_7000L, 0x8000_0000_0000_00d1L);
    d.lastSuccessfulSyncAt = Instant.parse("2026-11-20T02:00:00.123456789Z");
    Filler f = new Filler();
    for (int i = 0; i < 3; i++) {
      VisitData v = f.fill(VisitData.class);
      d.visits.put(v.id(), v);
      d.seqs.put(v.id(), 100L + i);
    }
    return d;
  }

  private static ClientState state(StateData d) throws Exception {
    Constructor<ClientState> c = ClientState.class.getDeclaredConstructor(StateData.class);
    c.setAccessible(true);
    return c.newInstance(d);
  }

  private static String json(ClientState s) throws Exception {
    Field f = ClientState.class.getDeclaredField("d");
    f.setAccessible(true);
    return Json.GSON.toJson(f.get(s));
  }

  @Test
  void everyFieldOfEveryRecordClass_survivesSnapshotAndReopen() throws Exception {
    StateData d = filledState();
    for (VisitData v : d.visits.values()) {
      assertEveryFieldSet(v, "visit");
    }
    ClientState before = state(d);

    byte[] snapshot = before.snapshot();
    ClientState reopened = ClientState.fromSnapshot(snapshot);

    assertThat(json(reopened)).isEqualTo(json(before));
    assertThat(reopened.snapshot()).isEqualTo(snapshot);
    VisitData first = d.visits.values().iterator().next();
    Field f = ClientState.class.getDeclaredField("d");
    f.setAccessible(true);
    VisitData back = ((StateData) f.get(reopened)).visits.get(first.id());
    assertThat(back.form).isEqualTo(first.form);
    assertEveryFieldSet(back, "reopened visit");
  }

  @Test
  void snapshot_isBinaryWithAJsonHead() throws Exception {
    byte[] snapshot = state(filledState()).snapshot();

    assertThat(Arrays.copyOf(snapshot, 4)).isEqualTo(new byte[] {0, 'S', 'F', 2});
  }

  @Test
  void jsonSnapshotWrittenByMain_opensToTheSameState() throws Exception {
    // Written by main's ClientState.snapshot() (2ed0dbb, its built jar) from filledState() read
    // by main's Gson: one JSON document, every null written.
    byte[] main = resource("snapshot-main-2ed0dbb.json");
    assertThat(new String(main, StandardCharsets.UTF_8)).startsWith("{").contains("null");

    ClientState opened = ClientState.fromSnapshot(main);

    assertThat(json(opened)).isEqualTo(json(state(filledState())));
    assertThat(ClientState.fromSnapshot(opened.snapshot()).snapshot()).isEqualTo(opened.snapshot());
  }

  @Test
  void damagedBinarySnapshot_failsAsUnreadable() throws Exception {
    byte[] snapshot = state(filledState()).snapshot();

    for (int cut : new int[] {snapshot.length - 1, snapshot.length - 40, 9, 200}) {
      byte[] torn = Arrays.copyOf(snapshot, cut);
      assertThatThrownBy(() -> ClientState.fromSnapshot(torn))
          .as("cut at " + cut)
          .isInstanceOf(JsonParseException.class);
    }
    byte[] longer = Arrays.copyOf(snapshot, snapshot.length + 1);
    assertThatThrownBy(() -> ClientState.fromSnapshot(longer))
        .isInstanceOf(JsonParseException.class);
  }

  @Test
  void recordCodec_skipsFieldsAClassNoLongerHas_andKeepsDefaultsOfNewOnes() {
    RecordCodec older = new RecordCodec(OldShape.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RecordCodec.Writer w = older.new Writer(out);
    OldShape o = new OldShape();
    o.kept = "kept";
    o.dropped = Arrays.asList(LocalDate.of(2026, 1, 2));
    w.write(o);
    byte[] bytes = out.toByteArray();
    // The root class as a later SDK has it: one field gone, one new. Classes are named by their
    // field path from the root, fields by their Gson names.
    byte[] asNew = bytes;
    NewShape n = new RecordCodec(NewShape.class).new Reader(asNew, 0).read(NewShape.class);

    assertThat(n.kept).isEqualTo("kept");
    assertThat(n.added).isEqualTo("default");
  }

  static final class OldShape {
    String kept;
    List<LocalDate> dropped;
  }

  static final class NewShape {
    String kept;
    String added = "default";
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = SnapshotFormatTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static void assertEveryFieldSet(Object o, String path) throws Exception {
    for (Class<?> c = o.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
          continue;
        }
        f.setAccessible(true);
        Object v = f.get(o);
        String at = path + "." + f.getName();
        assertThat(v).as(at).isNotNull();
        if (v instanceof List) {
          assertThat((List<?>) v).as(at).isNotEmpty();
          for (Object item : (List<?>) v) {
            if (Filler.isData(item.getClass())) {
              assertEveryFieldSet(item, at + "[]");
            }
          }
        } else if (Filler.isData(v.getClass())) {
          assertEveryFieldSet(v, at);
        }
      }
    }
  }

  /** Sets every field of a data class, recursively, to a distinct non-null value. */
  static final class Filler {
    private int n = 1;

    static boolean isData(Class<?> c) {
      return c.getName().startsWith("org.suifang.") && !c.isEnum();
    }

    <T> T fill(Class<T> type) throws Exception {
      Constructor<T> c = type.getDeclaredConstructor();
      c.setAccessible(true);
      T o = c.newInstance();
      for (Class<?> k = type; k != Object.class; k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
            continue;
          }
          f.setAccessible(true);
          f.set(o, value(f.getGenericType()));
        }
      }
      return o;
    }

    private Object value(Type t) throws Exception {
      int i = n++;
      if (t instanceof ParameterizedType) {
        Type e = ((ParameterizedType) t).getActualTypeArguments()[0];
        List<Object> list = new ArrayList<>();
        list.add(value(e));
        list.add(value(e));
        return list;
      }
      Class<?> c = (Class<?>) t;
      if (c == String.class) {
        return "文本-" + i + " \"q\" \\ é 😀";
      } else if (c == Integer.class || c == int.class) {
        return 1000 + i;
      } else if (c == Long.class || c == long.class) {
        return 1L << 40 | i;
      } else if (c == Boolean.class || c == boolean.class) {
        return Boolean.TRUE;
      } else if (c == BigDecimal.class) {
        return new BigDecimal(i + ".50");
      } else if (c == LocalDate.class) {
        return LocalDate.of(2020, 1, 1).plusDays(i);
      } else if (c == Instant.class) {
        return Instant.parse("2026-11-20T02:00:00Z").plusNanos(1_000_000_001L * i);
      } else if (c == UUID.class) {
        return new UUID(0x0190f5c4_0000_7000L, i);
      } else if (c.isEnum()) {
        Object[] constants = c.getEnumConstants();
        return constants[i % constants.length];
      }
      return fill(c);
    }
  }
}
