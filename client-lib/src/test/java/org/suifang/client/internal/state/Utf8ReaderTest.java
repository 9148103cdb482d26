package org.suifang.client.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {

  private static String readAll(byte[] bytes, int bufferSize) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[bufferSize];
    try (Utf8Reader r = new Utf8Reader(bytes)) {
      for (int n; (n = r.read(buffer, 0, buffer.length)) != -1; ) {
        out.append(buffer, 0, n);
      }
    }
    return out.toString();
  }

  /** Any text, including characters outside the BMP, at any buffer size (a pair split across). */
  @Property(tries = 300)
  void anyText_readsBackAsWritten(@ForAll String text, @ForAll @IntRange(min = 1, max = 7) int size)
      throws IOException {
    // A lone surrogate has no UTF-8 form; Java writes it as '?', which reads back as '?'.
    String expected = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

    assertThat(readAll(text.getBytes(StandardCharsets.UTF_8), size)).isEqualTo(expected);
  }

  @Test
  void chineseAndEmoji_readAsJavaDecodesThem() throws IOException {
    String text = "{\"name\":\"王建国\",\"note\":\"血压😀控制\",\"n\":1}";

    assertThat(readAll(text.getBytes(StandardCharsets.UTF_8), 1)).isEqualTo(text);
    assertThat(readAll(text.getBytes(StandardCharsets.UTF_8), 1024)).isEqualTo(text);
  }

  @Test
  void malformedBytes_readAsReplacementCharacters() throws IOException {
    byte[] bytes = {'a', (byte) 0xE4, (byte) 0xB8, 'b', (byte) 0xC0, (byte) 0x80, (byte) 0xFF};

    assertThat(readAll(bytes, 16)).isEqualTo("a\uFFFD\uFFFDb\uFFFD\uFFFD\uFFFD");
  }

  @Test
  void empty_isEndOfStream() throws IOException {
    assertThat(readAll(new byte[0], 4)).isEmpty();
  }
}
