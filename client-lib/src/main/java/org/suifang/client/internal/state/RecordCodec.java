package org.suifang.client.internal.state;

import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import java.io.ByteArrayOutputStream;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A compact binary encoding of objects of plain data classes (the follow-up records of a snapshot,
 * docs/local-store.md "Snapshot"): every non-static, non-transient field of a class, in the order
 * of a class table written at the head of the encoding, each value with a one-byte tag.
 *
 * <p>The class table names each class (by the path of field names from the root class to it, the
 * root being "") and its fields (by the names Gson gives them: {@code @SerializedName}, which
 * shrinkers keep, unlike Java names), so that a later SDK reads what an earlier one wrote: a stored
 * field the class no longer has is skipped, a field the stored class did not have keeps the value
 * of the class's no-argument constructor (as Gson does with a missing JSON member). Objects are
 * made with their no-argument constructor (each stored class has one, as Gson prefers), fields set
 * by reflection.
 *
 * <p>Why not JSON: reading the snapshot's 20,000 follow-ups with Gson's reflective adapters took
 * four fifths of opening a store (field-name strings and map lookups per field, decimal text per
 * number, 36-character ids); this encoding reads a field with one tag byte and a few bytes of
 * value.
 *
 * <p>Values: null, booleans, {@code Integer}/{@code int}, {@code Long}/{@code long}, {@code
 * Double}/{@code double}, {@code String}, {@code BigDecimal} (its exact text, scale included),
 * {@code LocalDate}, {@code Instant}, {@code UUID}, enums (by the name Gson gives the constant),
 * {@code List}s of these, and objects of the classes in the table.
 */
final class RecordCodec {
  private static final byte NULL = 0;
  private static final byte FALSE = 1;
  private static final byte TRUE = 2;
  private static final byte INT = 3;
  private static final byte LONG = 4;
  private static final byte DOUBLE = 5;
  private static final byte STRING = 6;
  private static final byte DECIMAL = 7;
  private static final byte DATE = 8;
  private static final byte INSTANT = 9;
  private static final byte UUID_TAG = 10;
  private static final byte ENUM = 11;
  private static final byte LIST = 12;
  private static final byte OBJECT = 13;

  /** A class as this SDK has it. */
  private static final class Shape {
    final Class<?> type;
    final int index;
    final Constructor<?> constructor;
    final Field[] fields;
    final String[] names;

    /** The field path from the root class to this class: its name in the class table. */
    final String path;

    Shape(Class<?> type, int index, String path) {
      this.type = type;
      this.index = index;
      this.path = path;
      try {
        this.constructor = type.getDeclaredConstructor();
        this.constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type + " has no no-argument constructor", e);
      }
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          int m = f.getModifiers();
          if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
            continue;
          }
          f.setAccessible(true);
          fields.add(f);
        }
      }
      Collections.sort(fields, (a, b) -> name(a).compareTo(name(b)));
      this.fields = fields.toArray(new Field[0]);
      this.names = new String[this.fields.length];
      for (int i = 0; i < this.fields.length; i++) {
        names[i] = name(this.fields[i]);
      }
    }
  }

  /** A field's name as Gson writes it: its {@code @SerializedName}, kept by shrinkers. */
  private static String name(Field f) {
    SerializedName n = f.getAnnotation(SerializedName.class);
    return n == null ? f.getName() : n.value();
  }

  private final Map<Class<?>, Shape> shapes = new LinkedHashMap<>();
  private final Map<String, Shape> byName = new HashMap<>();

  /** Per enum class, its constants by the name Gson gives them, and back. */
  private final Map<Class<?>, Map<String, Object>> enumsByName = new HashMap<>();

  private final Map<Object, String> enumNames = new HashMap<>();

  /** A codec for objects of {@code root} and the classes its fields reach. */
  RecordCodec(Class<?> root) {
    add(root, "");
  }

  private void add(Class<?> type, String path) {
    if (shapes.containsKey(type)) {
      return;
    }
    Shape shape = new Shape(type, shapes.size(), path);
    shapes.put(type, shape);
    byName.put(path, shape);
    for (int i = 0; i < shape.fields.length; i++) {
      Type t = shape.fields[i].getGenericType();
      Class<?> object = objectClass(t);
      if (object != null) {
        add(object, path.isEmpty() ? shape.names[i] : path + "." + shape.names[i]);
      }
      Class<?> e = enumClass(t);
      if (e != null && !enumsByName.containsKey(e)) {
        Map<String, Object> constants = new HashMap<>();
        for (Object c : e.getEnumConstants()) {
          String name = ((Enum<?>) c).name();
          try {
            SerializedName n = e.getField(name).getAnnotation(SerializedName.class);
            if (n != null) {
              name = n.value();
            }
          } catch (NoSuchFieldException ex) {
            // The constant's field is renamed: keep name().
          }
          constants.put(name, c);
          enumNames.put(c, name);
        }
        enumsByName.put(e, constants);
      }
    }
  }

  @Nullable
  private static Class<?> enumClass(Type t) {
    if (t instanceof ParameterizedType) {
      return enumClass(((ParameterizedType) t).getActualTypeArguments()[0]);
    }
    return t instanceof Class && ((Class<?>) t).isEnum() ? (Class<?>) t : null;
  }

  /** The data class a field of this type holds (itself or as list elements), or null. */
  @Nullable
  private static Class<?> objectClass(Type t) {
    if (t instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) t;
      if (p.getRawType() == List.class) {
        return objectClass(p.getActualTypeArguments()[0]);
      }
      throw new IllegalStateException("unsupported field type " + t);
    }
    Class<?> c = (Class<?>) t;
    if (c.isPrimitive()
        || c.isEnum()
        || c == String.class
        || c == Integer.class
        || c == Long.class
        || c == Double.class
        || c == Boolean.class
        || c == BigDecimal.class
        || c == LocalDate.class
        || c == Instant.class
        || c == UUID.class) {
      return null;
    }
    if (c.getName().startsWith("java.") || c.isInterface() || c.isArray()) {
      throw new IllegalStateException("unsupported field type " + c);
    }
    return c;
  }

  // --- writing ---------------------------------------------------------------------------------

  /** Writes objects of the root class (each may be null) after the class table. */
  final class Writer {
    private final ByteArrayOutputStream out;

    Writer(ByteArrayOutputStream out) {
      this.out = out;
      writeInt(shapes.size());
      for (Shape s : shapes.values()) {
        writeString(s.path);
        writeInt(s.names.length);
        for (String name : s.names) {
          writeString(name);
        }
      }
    }

    void write(@Nullable Object value) {
      try {
        value(value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private void value(@Nullable Object v) throws IllegalAccessException {
      if (v == null) {
        out.write(NULL);
      } else if (v instanceof Boolean) {
        out.write((Boolean) v ? TRUE : FALSE);
      } else if (v instanceof Integer) {
        out.write(INT);
        writeInt((Integer) v);
      } else if (v instanceof Long) {
        out.write(LONG);
        writeLong((Long) v);
      } else if (v instanceof Double) {
        out.write(DOUBLE);
        writeLong(Double.doubleToRawLongBits((Double) v));
      } else if (v instanceof String) {
        out.write(STRING);
        writeString((String) v);
      } else if (v instanceof BigDecimal) {
        out.write(DECIMAL);
        writeString(v.toString());
      } else if (v instanceof LocalDate) {
        out.write(DATE);
        writeLong(((LocalDate) v).toEpochDay());
      } else if (v instanceof Instant) {
        out.write(INSTANT);
        writeLong(((Instant) v).getEpochSecond());
        writeInt(((Instant) v).getNano());
      } else if (v instanceof UUID) {
        out.write(UUID_TAG);
        writeLong(((UUID) v).getMostSignificantBits());
        writeLong(((UUID) v).getLeastSignificantBits());
      } else if (v instanceof Enum) {
        out.write(ENUM);
        String name = enumNames.get(v);
        writeString(name != null ? name : ((Enum<?>) v).name());
      } else if (v instanceof List) {
        List<?> list = (List<?>) v;
        out.write(LIST);
        writeInt(list.size());
        for (Object item : list) {
          value(item);
        }
      } else {
        Shape s = shapes.get(v.getClass());
        if (s == null) {
          throw new IllegalStateException("not a class of this codec: " + v.getClass());
        }
        out.write(OBJECT);
        writeInt(s.index);
        for (Field f : s.fields) {
          value(f.get(v));
        }
      }
    }

    private void writeString(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      writeInt(b.length);
      out.write(b, 0, b.length);
    }

    private void writeInt(int v) {
      out.write(v >>> 24);
      out.write(v >>> 16);
      out.write(v >>> 8);
      out.write(v);
    }

    private void writeLong(long v) {
      writeInt((int) (v >>> 32));
      writeInt((int) v);
    }
  }

  // --- reading ---------------------------------------------------------------------------------

  /** Reads what a {@link Writer} wrote, from {@code offset} of {@code bytes}. */
  final class Reader {
    private final byte[] b;
    private int p;

    /** Per stored class: the current class (null if gone) and, per stored field, its field. */
    private final Shape[] storedShapes;

    private final Field[][] storedFields;

    Reader(byte[] bytes, int offset) {
      this.b = bytes;
      this.p = offset;
      int classes = count();
      storedShapes = new Shape[classes];
      storedFields = new Field[classes][];
      for (int i = 0; i < classes; i++) {
        Shape s = byName.get(readString());
        storedShapes[i] = s;
        Field[] fields = new Field[count()];
        for (int j = 0; j < fields.length; j++) {
          String name = readString();
          if (s != null) {
            for (int k = 0; k < s.names.length; k++) {
              if (s.names[k].equals(name)) {
                fields[j] = s.fields[k];
              }
            }
          }
        }
        storedFields[i] = fields;
      }
    }

    int position() {
      return p;
    }

    /** Reads the next object as {@code type}. */
    @Nullable
    <T> T read(Class<T> type) {
      try {
        return type.cast(value(type));
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new JsonParseException("snapshot record at byte " + p + " cannot be read", e);
      }
    }

    /** Reads a value for a field of type {@code t}; null {@code t}: read and drop. */
    @Nullable
    private Object value(@Nullable Type t) throws ReflectiveOperationException {
      byte tag = b[p++];
      switch (tag) {
        case NULL:
          return null;
        case FALSE:
          return Boolean.FALSE;
        case TRUE:
          return Boolean.TRUE;
        case INT:
          return number(t, readInt());
        case LONG:
          return number(t, readLong());
        case DOUBLE:
          return Double.longBitsToDouble(readLong());
        case STRING:
          return readString();
        case DECIMAL:
          return new BigDecimal(readString());
        case DATE:
          return LocalDate.ofEpochDay(readLong());
        case INSTANT:
          long seconds = readLong();
          return Instant.ofEpochSecond(seconds, readInt());
        case UUID_TAG:
          long high = readLong();
          return new UUID(high, readLong());
        case ENUM:
          return enumValue(t, readString());
        case LIST:
          return list(t);
        case OBJECT:
          return object();
        default:
          throw new IllegalStateException("unknown tag " + tag);
      }
    }

    private Object number(@Nullable Type t, long v) {
      if (t == Long.class || t == long.class) {
        return v;
      }
      if (t == Double.class || t == double.class) {
        return (double) v;
      }
      if (t == BigDecimal.class) {
        return BigDecimal.valueOf(v);
      }
      return Math.toIntExact(v);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Nullable
    private Object enumValue(@Nullable Type t, String name) {
      if (!(t instanceof Class) || !((Class<?>) t).isEnum()) {
        return t == null ? null : name;
      }
      Map<String, Object> constants = enumsByName.get(t);
      Object c = constants == null ? null : constants.get(name);
      return c != null ? c : Enum.valueOf((Class) t, name);
    }

    private List<Object> list(@Nullable Type t) throws ReflectiveOperationException {
      Type element =
          t instanceof ParameterizedType
              ? ((ParameterizedType) t).getActualTypeArguments()[0]
              : null;
      int n = count();
      List<Object> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(value(element));
      }
      return list;
    }

    @Nullable
    private Object object() throws ReflectiveOperationException {
      int index = readInt();
      Shape s = storedShapes[index];
      Field[] fields = storedFields[index];
      Object o = s == null ? null : s.constructor.newInstance();
      for (Field f : fields) {
        Object v = value(f == null ? null : f.getGenericType());
        if (f != null && o != null && !(v == null && f.getType().isPrimitive())) {
          f.set(o, v);
        }
      }
      return o;
    }

    private int count() {
      int n = readInt();
      if (n < 0 || n > b.length - p) {
        throw new JsonParseException("bad count " + n + " at byte " + p);
      }
      return n;
    }

    private String readString() {
      int n = count();
      String s = new String(b, p, n, StandardCharsets.UTF_8);
      p += n;
      return s;
    }

    private int readInt() {
      int v =
          ((b[p] & 0xFF) << 24)
              | ((b[p + 1] & 0xFF) << 16)
              | ((b[p + 2] & 0xFF) << 8)
              | (b[p + 3] & 0xFF);
      p += 4;
      return v;
    }

    private long readLong() {
      long high = readInt();
      return (high << 32) | (readInt() & 0xFFFFFFFFL);
    }
  }
}
