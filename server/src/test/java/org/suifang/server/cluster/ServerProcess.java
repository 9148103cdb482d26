package org.suifang.server.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One Suifang server in a JVM of its own ({@code java -cp … org.suifang.server.Application}),
 * configured only through environment variables, as a county deployment runs it. Its output goes to
 * {@code <logDir>/<name>-<start>.log}. {@link #kill()} is SIGKILL: the JVM gets no chance to finish
 * a request, roll back or close its database connections; PostgreSQL notices the closed sockets.
 */
final class ServerProcess {
  private static final String MAIN_CLASS = "org.suifang.server.Application";
  // Killed when the test JVM exits, even if a test never reached its cleanup (e.g. a timeout).
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  final String name;
  final int port;
  private final Map<String, String> env;
  private final Path logDir;
  private final OkHttpClient probe =
      new OkHttpClient.Builder()
          .connectTimeout(1, TimeUnit.SECONDS)
          .readTimeout(2, TimeUnit.SECONDS)
          .retryOnConnectionFailure(false)
          .build();
  private Process process;
  private int starts;

  /**
   * Prepares (does not start) a server listening on {@code port} with the given environment
   * variables on top of this JVM's, minus any {@code SUIFANG_*}, {@code DATASOURCES_*} and {@code
   * MICRONAUT_*} variables of the test run.
   */
  ServerProcess(String name, int port, Map<String, String> env, Path logDir) {
    this.name = name;
    this.port = port;
    this.env = new LinkedHashMap<>(env);
    this.env.put("SUIFANG_PORT", Integer.toString(port));
    this.logDir = logDir;
  }

  /** Returns a free TCP port on the loopback interface (free now; nothing reserves it). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the JVM; returns at once (see {@link #awaitHealthy}). */
  synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    starts++;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A small heap and C1 only (faster startup): two servers, PostgreSQL and the test JVM share
    // the build machine.
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, serverClassPath()));
    command.add(MAIN_CLASS);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(
            k ->
                k.startsWith("SUIFANG_")
                    || k.startsWith("DATASOURCES_")
                    || k.startsWith("MICRONAUT_"));
    environment.putAll(env);
    try {
      Path workDir = Files.createDirectories(logDir.resolve(name));
      builder.directory(workDir.toFile());
      builder.redirectErrorStream(true);
      builder.redirectOutput(logFile().toFile());
      process = builder.start();
      RUNNING.add(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** Returns the log file of the current (or last) start. */
  Path logFile() {
    return logDir.resolve(name + "-" + starts + ".log");
  }

  /** Returns the base URL, e.g. {@code http://127.0.0.1:41234/}. */
  String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  /**
   * Waits until {@code GET /health} answers {@code UP} (which includes the database); fails when
   * the process exits or the time runs out.
   */
  void awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Request health = new Request.Builder().url(url() + "health").build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " during startup; see " + logFile());
      }
      try (Response response = probe.newCall(health).execute()) {
        ResponseBody body = response.body();
        if (response.code() == 200 && body != null && body.string().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet: try again shortly.
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + logFile());
  }

  /** Sends SIGKILL (Process.destroyForcibly on Linux) and waits for the JVM to be gone. */
  synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
      RUNNING.remove(process);
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Kills the server (if running) and releases the health-check client. */
  void stop() throws InterruptedException {
    kill();
    probe.dispatcher().executorService().shutdown();
    probe.connectionPool().evictAll();
  }

  /**
   * Returns the class path of the server as deployed: this JVM's class path without the test
   * classes. Surefire may start the test JVM with a manifest-only jar; its {@code Class-Path}
   * entries are then the real class path.
   */
  static List<String> serverClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      entries.addAll(expandManifestOnlyJar(entry));
    }
    entries.removeIf(
        e -> e.endsWith("test-classes") || e.endsWith("test-classes" + File.separator));
    return entries;
  }

  private static List<String> expandManifestOnlyJar(String entry) {
    if (!Path.of(entry).getFileName().toString().startsWith("surefirebooter")) {
      return List.of(entry);
    }
    try (JarFile jar = new JarFile(entry)) {
      Manifest manifest = jar.getManifest();
      String classPath =
          manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (classPath == null) {
        return List.of(entry);
      }
      List<String> expanded = new ArrayList<>();
      for (String url : classPath.trim().split("\\s+")) {
        expanded.add(toPath(Path.of(entry).getParent(), url));
      }
      return expanded;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + entry, e);
    }
  }

  private static String toPath(Path base, String url) {
    try {
      URI uri = new URI(url);
      Path path = uri.isAbsolute() ? Path.of(uri) : base.resolve(uri.getPath());
      return path.toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad Class-Path entry " + url, e);
    }
  }
}
