package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import com.google.gson.Gson;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.SuifangClient;
import org.suifang.server.testing.TestAuth;

/**
 * Runs the README's "Two tablets, offline, then sync" example, {@code
 * client-lib/src/test/java/org/suifang/client/example/TwoTabletsExample.java}, against the test
 * server, so the README stays true. The example lives in client-lib's test sources (where the
 * README's {@code exec:java} command runs it), which are not on this module's classpath; the test
 * compiles that very file with the JDK's compiler against the SDK on this classpath and calls its
 * {@code run} method.
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
    Method run = compileExample();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    UUID patientId =
        (UUID)
            run.invoke(
                null,
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

  private Method compileExample() throws Exception {
    Path source = locate(SOURCE);
    Path classes = tmp.toPath().resolve("classes");
    Files.createDirectories(classes);
    List<String> classpath = new ArrayList<>();
    for (Class<?> c :
        new Class<?>[] {SuifangClient.class, OkHttpClient.class, okio.Buffer.class, Gson.class}) {
      classpath.add(location(c));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK compiler").isNotNull();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        javac.run(
            null,
            errors,
            errors,
            "-proc:none",
            "-encoding",
            "UTF-8",
            "-classpath",
            String.join(File.pathSeparator, classpath),
            "-d",
            classes.toString(),
            source.toString());
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    return loader
        .loadClass("org.suifang.client.example.TwoTabletsExample")
        .getMethod(
            "run",
            String.class,
            String.class,
            String.class,
            String.class,
            File.class,
            PrintStream.class);
  }

  /** Finds a file of the repository from the module's working directory or a parent of it. */
  private static Path locate(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
  }

  private static String location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
