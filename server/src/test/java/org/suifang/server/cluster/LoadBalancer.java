package org.suifang.server.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * The simplest HTTP load balancer in front of several server instances: each request goes to an
 * instance chosen at random (no sticky sessions), among those its health check has not taken out.
 * Each tablet gets its own {@link #interceptor(long) interceptor} with its own seeded random; the
 * tablet's {@code serverUrl} names the first instance and the interceptor rewrites the port.
 *
 * <p>It also counts, per instance, the requests, the sync round trips and the pushes (sync requests
 * carrying mutations) it sent there, the pushes in flight, the 5xx answers, and the requests that
 * failed: those sent before the instance was killed (cut by the kill) and the others (refused while
 * it was down, or a connection the kill left stale).
 */
final class LoadBalancer {

  /** One server instance behind the balancer, with its counters. */
  static final class Backend {
    final String name;
    final int port;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger syncs = new AtomicInteger();
    final AtomicInteger pushes = new AtomicInteger();
    final AtomicInteger inFlightPushes = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger cutByKill = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();

    /** The mutation ids of the pushes a kill cut. */
    final List<UUID> cutMutations = new CopyOnWriteArrayList<>();

    // Bumped by each kill: a request that fails and saw an older value was cut by a kill.
    private final AtomicInteger lives = new AtomicInteger();
    private volatile boolean inRotation = true;

    Backend(String name, int port) {
      this.name = name;
      this.port = port;
    }

    /** Called just before the instance is killed. */
    void killing() {
      lives.incrementAndGet();
    }

    /** The health check takes the instance out of rotation or puts it back. */
    void inRotation(boolean inRotation) {
      this.inRotation = inRotation;
    }

    @Override
    public String toString() {
      return name
          + ": "
          + requests
          + " requests ("
          + syncs
          + " sync round trips, "
          + pushes
          + " of them pushes), "
          + cutByKill
          + " cut by a kill, "
          + refused
          + " refused or on a stale connection, "
          + serverErrors
          + " 5xx";
    }
  }

  final List<Backend> backends;

  LoadBalancer(List<Backend> backends) {
    this.backends = List.copyOf(backends);
  }

  /** Returns the interceptor of one tablet; {@code seed} drives its choices of instance. */
  Interceptor interceptor(long seed) {
    Random random = new Random(seed);
    return chain -> forward(chain, pick(random));
  }

  private Backend pick(Random random) {
    List<Backend> candidates = new ArrayList<>();
    for (Backend b : backends) {
      if (b.inRotation) {
        candidates.add(b);
      }
    }
    if (candidates.isEmpty()) {
      candidates = backends;
    }
    synchronized (random) {
      return candidates.get(random.nextInt(candidates.size()));
    }
  }

  private static Response forward(Interceptor.Chain chain, Backend backend) throws IOException {
    Request original = chain.request();
    HttpUrl url = original.url().newBuilder().port(backend.port).build();
    boolean sync = url.encodedPath().equals("/api/v1/sync");
    List<UUID> mutations = sync ? mutationIds(original) : List.of();
    boolean push = !mutations.isEmpty();
    int life = backend.lives.get();
    backend.requests.incrementAndGet();
    if (sync) {
      backend.syncs.incrementAndGet();
    }
    if (push) {
      backend.pushes.incrementAndGet();
      backend.inFlightPushes.incrementAndGet();
    }
    try {
      Response response = chain.proceed(original.newBuilder().url(url).build());
      if (response.code() >= 500) {
        backend.serverErrors.incrementAndGet();
      }
      return response;
    } catch (IOException e) {
      if (backend.lives.get() != life) {
        backend.cutByKill.incrementAndGet();
        backend.cutMutations.addAll(mutations);
      } else {
        backend.refused.incrementAndGet();
      }
      throw e;
    } finally {
      if (push) {
        backend.inFlightPushes.decrementAndGet();
      }
    }
  }

  /**
   * Returns the ids of the mutations a sync request pushes. The SDK compresses the body after the
   * app's interceptors, so this one sees the JSON.
   */
  private static List<UUID> mutationIds(Request request) throws IOException {
    RequestBody body = request.body();
    if (body == null) {
      return List.of();
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    JsonElement mutations =
        JsonParser.parseString(buffer.readUtf8()).getAsJsonObject().get("mutations");
    List<UUID> ids = new ArrayList<>();
    if (mutations != null && mutations.isJsonArray()) {
      for (JsonElement m : mutations.getAsJsonArray()) {
        ids.add(UUID.fromString(m.getAsJsonObject().get("mutationId").getAsString()));
      }
    }
    return ids;
  }
}
