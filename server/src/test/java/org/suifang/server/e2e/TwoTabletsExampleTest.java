package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.example.TwoTabletsExample;
import org.suifang.server.testing.TestAuth;

/**
 * Runs the README's "Two tablets, offline, then sync" example, {@code
 * client-lib/src/test/java/org/suifang/client/example/TwoTabletsExample.java}, against the test
 * server, so the README stays true. The example lives in client-lib's test sources (where the
 * README's {@code exec:java} command runs it) and reaches this module through client-lib's test
 * jar.
 */
@MicronautTest(transactional = false)
class TwoTabletsExampleTest {
  private static final String SOURCE =
      "client-lib/src/test/java/org/suifang/client/example/TwoTabletsExample.java";

  @Inject TestAuth auth;

  @Inject ServerProbe server;

  @TempDir File tmp;

  @Test
  void readmeExample_twoTabletsConverge() throws Exception {
    auth.seedArea();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    UUID patientId =
        TwoTabletsExample.run(
            server.url(),
            "doc1",
            TestAuth.PASSWORD,
            VILLAGE_1,
            new File(tmp, "work"),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    String text = printed.toString(StandardCharsets.UTF_8);
    String phone = (String) server.patient("doc1", patientId).get("phone");
    assertThat(phone).isIn("13900000001", "13900000002");
    assertThat(text).contains("Tablet B: has 王秀英: true");
    assertThat(text).contains("pending: A 2, B 2");
    assertThat(text).contains("Tablet A: 2 visits").contains("Tablet B: 2 visits");
    assertThat(text).contains("phone " + phone + ", pending 0");
    assertThat(text).contains("conflict on phone: kept \"" + phone + "\"");
    assertThat(text).contains("Converged: true");
    assertThat(text).doesNotContain("FAILED");
    assertThat(server.history("doc1", patientId)).hasSize(2);
    assertThat(server.conflicts(patientId)).isEqualTo(1);
  }
}
