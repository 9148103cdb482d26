package org.suifang.server.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * One tablet's network in the simulation: an OkHttp application interceptor that sends every
 * request to the port the server listens on now (it changes at a restart), fails everything while
 * the tablet is partitioned, and plays the one fault the scheduler armed for the next {@code POST
 * /api/v1/sync}. Nothing sleeps: a delayed request is captured and delivered later by the
 * scheduler, not held back in time.
 */
final class SimNetwork implements Interceptor {

  /** The network faults and client crash points one sync request can meet. */
  enum Fault {
    DROP_BEFORE_SEND,
    DROP_AFTER_COMMIT,
    CUT_RESPONSE_BODY,
    DUPLICATE,
    DELAY,
    CRASH_BEFORE_REQUEST_SENT,
    CRASH_AFTER_SERVER_COMMIT_BEFORE_RESPONSE,
    CRASH_MID_RESPONSE_BODY,
    CRASH_AFTER_RESPONSE_BEFORE_APPLY;

    boolean isCrash() {
      return name().startsWith("CRASH_");
    }
  }

  /** A captured request, as sent: for a duplicate or a late delivery. */
  record Captured(String path, okhttp3.Headers headers, byte[] body, MediaType type) {}

  /** What the tablet does when a crash point is reached (copies its files). */
  interface CrashHook {
    void crashNow() throws IOException;
  }

  private final IntSupplier port;
  private final OkHttpClient plain;
  private boolean partitioned;
  private Fault armed;
  private int armedParam;
  private boolean useSecondAnswer;
  private CrashHook crashHook;
  private final List<Captured> delayed = new ArrayList<>();
  private final List<String> events = new ArrayList<>();

  SimNetwork(IntSupplier port, OkHttpClient plain) {
    this.port = port;
    this.plain = plain;
  }

  void partition(boolean on) {
    partitioned = on;
  }

  boolean partitioned() {
    return partitioned;
  }

  void setCrashHook(CrashHook hook) {
    this.crashHook = hook;
  }

  /**
   * Arms a fault for the next sync request; {@code param} is the byte count of a cut, {@code
   * second} picks which answer of a duplicate the tablet gets.
   */
  void arm(Fault fault, int param, boolean second) {
    this.armed = fault;
    this.armedParam = param;
    this.useSecondAnswer = second;
  }

  /** Disarms a fault that no request met (the sync sent nothing). */
  Fault disarm() {
    Fault f = armed;
    armed = null;
    return f;
  }

  List<Captured> delayed() {
    return delayed;
  }

  /** Returns and clears what the faults did since the last call, for the history. */
  List<String> drainEvents() {
    List<String> out = new ArrayList<>(events);
    events.clear();
    return out;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (partitioned) {
      throw new IOException("partitioned (simulation)");
    }
    Request original = chain.request();
    HttpUrl url = original.url().newBuilder().host("127.0.0.1").port(port.getAsInt()).build();
    Request request = original.newBuilder().url(url).build();
    Fault fault = null;
    if (request.url().encodedPath().endsWith("/api/v1/sync") && armed != null) {
      fault = armed;
      armed = null;
    }
    if (fault == null) {
      return chain.proceed(request);
    }
    switch (fault) {
      case DROP_BEFORE_SEND:
        events.add("drop before send");
        throw new IOException("connection lost before sending (simulation)");
      case CRASH_BEFORE_REQUEST_SENT:
        events.add("crash before request sent");
        crashHook.crashNow();
        throw new IOException("crash (simulation)");
      case DELAY:
        {
          Captured c = capture(request);
          delayed.add(c);
          events.add("request captured for later delivery");
          throw new IOException("request delayed (simulation)");
        }
      case DROP_AFTER_COMMIT:
        {
          Response r = chain.proceed(request);
          events.add("answer " + r.code() + " lost");
          r.close();
          throw new IOException("connection lost after the server answered (simulation)");
        }
      case CRASH_AFTER_SERVER_COMMIT_BEFORE_RESPONSE:
        {
          Response r = chain.proceed(request);
          events.add("crash after server answered " + r.code());
          r.close();
          crashHook.crashNow();
          throw new IOException("crash (simulation)");
        }
      case CRASH_AFTER_RESPONSE_BEFORE_APPLY:
        {
          Response r = chain.proceed(request);
          byte[] body = r.body() == null ? new byte[0] : r.body().bytes();
          events.add("crash after " + r.code() + " response of " + body.length + " bytes read");
          crashHook.crashNow();
          throw new IOException("crash (simulation)");
        }
      case CUT_RESPONSE_BODY:
      case CRASH_MID_RESPONSE_BODY:
        {
          Response r = chain.proceed(request);
          byte[] body = r.body() == null ? new byte[0] : r.body().bytes();
          int keep = Math.min(armedParam, Math.max(0, body.length - 1));
          events.add(
              (fault == Fault.CUT_RESPONSE_BODY ? "cut" : "crash")
                  + " "
                  + r.code()
                  + " response after "
                  + keep
                  + " of "
                  + body.length
                  + " bytes");
          if (fault == Fault.CRASH_MID_RESPONSE_BODY) {
            // The tablet dies while the body arrives: nothing of it was applied.
            crashHook.crashNow();
            throw new IOException("crash (simulation)");
          }
          MediaType type = r.body() == null ? null : r.body().contentType();
          return r.newBuilder()
              .body(ResponseBody.create(new CutSource(body, keep).buffer(), type, body.length))
              .build();
        }
      case DUPLICATE:
        {
          Captured c = capture(request);
          Response first = chain.proceed(request);
          byte[] firstBody = first.body() == null ? new byte[0] : first.body().bytes();
          Response second = deliver(c);
          byte[] secondBody = second.body() == null ? new byte[0] : second.body().bytes();
          events.add(
              "duplicated: answers "
                  + first.code()
                  + " and "
                  + second.code()
                  + ", tablet gets the "
                  + (useSecondAnswer ? "second" : "first"));
          Response chosen = useSecondAnswer ? second : first;
          byte[] chosenBody = useSecondAnswer ? secondBody : firstBody;
          MediaType type = chosen.body() == null ? null : chosen.body().contentType();
          return chosen
              .newBuilder()
              .request(request)
              .body(ResponseBody.create(chosenBody, type))
              .build();
        }
      default:
        throw new IllegalStateException(fault.name());
    }
  }

  private static Captured capture(Request request) throws IOException {
    Buffer buffer = new Buffer();
    RequestBody body = request.body();
    MediaType type = null;
    if (body != null) {
      body.writeTo(buffer);
      type = body.contentType();
    }
    return new Captured(
        request.url().encodedPath(), request.headers(), buffer.readByteArray(), type);
  }

  /** Sends a captured request again, as it was, to the server's current port. */
  Response deliver(Captured c) throws IOException {
    HttpUrl url =
        new HttpUrl.Builder()
            .scheme("http")
            .host("127.0.0.1")
            .port(port.getAsInt())
            .encodedPath(c.path())
            .build();
    Request r =
        new Request.Builder()
            .url(url)
            .headers(
                c.headers()
                    .newBuilder()
                    .removeAll("Accept-Encoding")
                    .removeAll("Content-Length")
                    .removeAll("Host")
                    .build())
            .post(RequestBody.create(c.body(), c.type()))
            .build();
    return plain.newCall(r).execute();
  }

  /** A response body that breaks after {@code keep} bytes, as a dropped connection does. */
  private static final class CutSource implements okio.Source {
    private final Buffer prefix;
    private final int keep;

    CutSource(byte[] all, int keep) {
      this.prefix = new Buffer().write(all, 0, keep);
      this.keep = keep;
    }

    okio.BufferedSource buffer() {
      return okio.Okio.buffer(this);
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (prefix.exhausted()) {
        throw new IOException("connection lost after " + keep + " bytes (simulation)");
      }
      return prefix.read(sink, Math.min(byteCount, prefix.size()));
    }

    @Override
    public okio.Timeout timeout() {
      return okio.Timeout.NONE;
    }

    @Override
    public void close() {
      prefix.clear();
    }
  }
}
