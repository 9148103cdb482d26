package org.suifang.client.internal.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Sample transactions and keys, and file operations for building on-disk states by hand. */
final class StoreFiles {
  private StoreFiles() {}

  /** Returns the sample transaction {@code i}: a short text whose length varies with i. */
  static byte[] tx(int i) {
    return text(i);
  }

  static byte[] text(int i) {
    StringBuilder s = new StringBuilder("tx-").append(i);
    for (int k = 0; k < i % 4; k++) {
      s.append('+');
    }
    return s.toString().getBytes(UTF_8);
  }

  static List<String> texts(List<byte[]> transactions) {
    List<String> texts = new ArrayList<>();
    for (byte[] t : transactions) {
      texts.add(new String(t, UTF_8));
    }
    return texts;
  }

  static List<String> sampleTexts(int fromInclusive, int toExclusive) {
    List<String> texts = new ArrayList<>();
    for (int i = fromInclusive; i < toExclusive; i++) {
      texts.add(new String(tx(i), UTF_8));
    }
    return texts;
  }

  /** Returns a 256-bit AES key made from {@code seed} (deterministic, for tests only). */
  static SecretKey key(int seed) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) seed);
    bytes[0] = 42;
    return new SecretKeySpec(bytes, "AES");
  }

  /** Returns every file in {@code directory} by name with its bytes. */
  static Map<String, byte[]> contents(Path directory) {
    Map<String, byte[]> contents = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        contents.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return contents;
  }

  /** Returns the contents as name → hex, which AssertJ compares and prints readably. */
  static Map<String, String> hexContents(Path directory) {
    Map<String, String> hex = new TreeMap<>();
    for (Map.Entry<String, byte[]> e : contents(directory).entrySet()) {
      hex.put(e.getKey(), hex(e.getValue()));
    }
    return hex;
  }

  static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02x", b));
    }
    return s.toString();
  }

  /** Copies every regular file of {@code from} into {@code to} (created if needed). */
  static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (Map.Entry<String, byte[]> e : contents(from).entrySet()) {
      Files.write(to.resolve(e.getKey()), e.getValue());
    }
    return to;
  }

  static void truncate(Path file, long length) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
    }
  }

  static void flipBit(Path file, long offset, int bit) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) offset] ^= (byte) (1 << bit);
    Files.write(file, bytes);
  }

  static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.delete(file);
      }
    }
    Files.delete(directory);
  }
}
