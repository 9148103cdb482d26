package org.suifang.server.e2e;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/**
 * An OkHttp application interceptor that plays a bad network for one tablet: a dead network while
 * {@link #offline()} is set (every call fails with an {@code IOException} before anything is sent),
 * and one-shot faults for the next {@code POST /api/v1/sync} requests. It also remembers the last
 * bearer token sent, so a test can look for it in the tablet's files.
 */
final class FaultInterceptor implements Interceptor {

  /** What happens to one sync request instead of a normal exchange. */
  interface Fault {
    Response apply(Chain chain) throws IOException;
  }

  private volatile boolean offline;
  private final Queue<Fault> syncFaults = new ConcurrentLinkedQueue<>();
  private final AtomicInteger faultsApplied = new AtomicInteger();
  @Nullable private volatile String lastBearer;

  void offline() {
    offline = true;
  }

  void online() {
    offline = false;
  }

  boolean isOffline() {
    return offline;
  }

  /** Applies {@code fault} to the next sync request (faults queue up, one per request). */
  void failNextSync(Fault fault) {
    syncFaults.add(fault);
  }

  /** Returns how many queued faults were used. */
  int faultsApplied() {
    return faultsApplied.get();
  }

  @Nullable
  String lastBearer() {
    return lastBearer;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String auth = request.header("Authorization");
    if (auth != null && auth.startsWith("Bearer ")) {
      lastBearer = auth.substring("Bearer ".length());
    }
    if (offline) {
      throw new IOException("network down (test)");
    }
    if (request.url().encodedPath().endsWith("/api/v1/sync")) {
      Fault fault = syncFaults.poll();
      if (fault != null) {
        faultsApplied.incrementAndGet();
        return fault.apply(chain);
      }
    }
    return chain.proceed(request);
  }

  /** The connection drops before the request leaves the tablet. */
  static Fault dropBeforeSending() {
    return chain -> {
      throw new IOException("connection lost before sending (test)");
    };
  }

  /** The server answers (it has committed), but the answer never reaches the tablet. */
  static Fault dropAfterServerAnswered() {
    return chain -> {
      Response response = chain.proceed(chain.request());
      response.close();
      throw new IOException("connection lost after the server answered (test)");
    };
  }

  /**
   * The server answers, and the connection drops after {@code bytes} bytes of the (decompressed)
   * response body reached the tablet.
   */
  static Fault cutResponseBodyAfter(int bytes) {
    return chain -> {
      Response response = chain.proceed(chain.request());
      ResponseBody body = response.body();
      if (body == null) {
        return response;
      }
      MediaType type = body.contentType();
      byte[] all = body.bytes();
      Buffer prefix = new Buffer().write(all, 0, Math.min(bytes, all.length));
      Source failing =
          new Source() {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
              if (prefix.exhausted()) {
                throw new IOException("connection lost after " + bytes + " bytes (test)");
              }
              return prefix.read(sink, Math.min(byteCount, prefix.size()));
            }

            @Override
            public Timeout timeout() {
              return Timeout.NONE;
            }

            @Override
            public void close() {
              prefix.clear();
            }
          };
      return response
          .newBuilder()
          .body(ResponseBody.create(Okio.buffer(failing), type, all.length))
          .build();
    };
  }
}
