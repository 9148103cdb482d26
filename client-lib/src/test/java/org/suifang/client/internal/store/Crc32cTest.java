package org.suifang.client.internal.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.zip.Checksum;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Crc32cTest {

  @Test
  void compute_standardCheckInput_givesCheckValue() {
    byte[] input = "123456789".getBytes(US_ASCII);

    assertThat(Crc32c.compute(input, 0, input.length)).isEqualTo(0xE3069283);
  }

  /** The test vectors of RFC 3720 (iSCSI), appendix B.4. */
  @Test
  void compute_rfc3720Vectors_match() {
    byte[] zeros = new byte[32];
    byte[] ones = new byte[32];
    Arrays.fill(ones, (byte) 0xFF);
    byte[] ascending = new byte[32];
    byte[] descending = new byte[32];
    for (int i = 0; i < 32; i++) {
      ascending[i] = (byte) i;
      descending[i] = (byte) (31 - i);
    }

    assertThat(Crc32c.compute(zeros, 0, 32)).isEqualTo(0x8A9136AA);
    assertThat(Crc32c.compute(ones, 0, 32)).isEqualTo(0x62A8AB43);
    assertThat(Crc32c.compute(ascending, 0, 32)).isEqualTo(0x46DD794E);
    assertThat(Crc32c.compute(descending, 0, 32)).isEqualTo(0x113FDB5C);
  }

  @Test
  void compute_noBytes_isZero() {
    assertThat(Crc32c.compute(new byte[0], 0, 0)).isZero();
  }

  @Property(tries = 200)
  void update_anySplit_equalsWholeComputation(
      @ForAll @Size(max = 300) byte[] bytes, @ForAll @IntRange(max = 300) int split) {
    int at = Math.min(split, bytes.length);

    int chained = Crc32c.update(Crc32c.compute(bytes, 0, at), bytes, at, bytes.length - at);

    assertThat(chained).isEqualTo(Crc32c.compute(bytes, 0, bytes.length));
  }

  /** The tests run on a JDK newer than 8, whose java.util.zip.CRC32C is the reference. */
  @Property(tries = 200)
  void compute_anyBytes_matchesJdkCrc32c(@ForAll @Size(max = 2000) byte[] bytes)
      throws ReflectiveOperationException {
    Assume.that(!System.getProperty("java.specification.version").startsWith("1."));
    Class<?> jdk = Class.forName("java.util.zip.CRC32C");
    Checksum reference = (Checksum) jdk.getDeclaredConstructor().newInstance();
    reference.update(bytes, 0, bytes.length);

    assertThat(Crc32c.compute(bytes, 0, bytes.length)).isEqualTo((int) reference.getValue());
  }

  /** Any window of an array, at any alignment (the eight-byte steps and the tail loop). */
  @Property(tries = 300)
  void compute_anyWindow_matchesJdkCrc32c(
      @ForAll @Size(max = 600) byte[] bytes,
      @ForAll @IntRange(max = 600) int from,
      @ForAll @IntRange(max = 600) int length)
      throws ReflectiveOperationException {
    Assume.that(!System.getProperty("java.specification.version").startsWith("1."));
    int offset = Math.min(from, bytes.length);
    int count = Math.min(length, bytes.length - offset);
    Class<?> jdk = Class.forName("java.util.zip.CRC32C");
    Checksum reference = (Checksum) jdk.getDeclaredConstructor().newInstance();
    reference.update(bytes, offset, count);

    assertThat(Crc32c.compute(bytes, offset, count)).isEqualTo((int) reference.getValue());
  }
}
