package org.suifang.server.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Counts what a tablet's OkHttp client exchanges: the bytes on the wire (bodies after request gzip
 * and before response gunzip, plus the HTTP/1.1 request and status lines and headers), the raw
 * (uncompressed) body bytes, the requests, and where the time of each exchange goes (until the
 * response headers arrive: the server's handling; then the body: the transfer). Add {@link
 * #interceptor()} as an application interceptor and {@link #events()} as the event listener.
 * Optionally keeps the raw JSON request bodies, for the column-oriented baseline.
 */
final class WireMeter {
  long requests;
  long wireSent;
  long wireReceived;
  long headerSent;
  long headerReceived;
  long rawSent;
  long rawReceived;
  long serverNanos;
  long transferNanos;
  long exchangeNanos;
  boolean keepBodies;
  final List<JsonElement> sentBodies = new ArrayList<>();

  private long requestStart;
  private long requestEnd;
  private long headersEnd;

  /** A copy of the counters, to subtract. */
  Snapshot snapshot() {
    synchronized (this) {
      return new Snapshot(
          requests,
          wireSent + headerSent,
          wireReceived + headerReceived,
          wireSent,
          wireReceived,
          rawSent,
          rawReceived,
          serverNanos,
          transferNanos,
          exchangeNanos,
          headerSent,
          headerReceived);
    }
  }

  record Snapshot(
      long requests,
      long sent,
      long received,
      long bodySent,
      long bodyReceived,
      long rawSent,
      long rawReceived,
      long serverNanos,
      long transferNanos,
      long exchangeNanos,
      long headerSent,
      long headerReceived) {

    Snapshot minus(Snapshot o) {
      return new Snapshot(
          requests - o.requests,
          sent - o.sent,
          received - o.received,
          bodySent - o.bodySent,
          bodyReceived - o.bodyReceived,
          rawSent - o.rawSent,
          rawReceived - o.rawReceived,
          serverNanos - o.serverNanos,
          transferNanos - o.transferNanos,
          exchangeNanos - o.exchangeNanos,
          headerSent - o.headerSent,
          headerReceived - o.headerReceived);
    }
  }

  /** The application interceptor: raw body sizes (before gzip, after gunzip). */
  Interceptor interceptor() {
    return chain -> {
      Request request = chain.request();
      if (request.body() != null) {
        Buffer b = new Buffer();
        request.body().writeTo(b);
        synchronized (this) {
          rawSent += b.size();
          if (keepBodies) {
            sentBodies.add(JsonParser.parseString(b.readUtf8()));
          }
        }
      }
      Response response = chain.proceed(request);
      if (response.body() != null) {
        String text = response.peekBody(Long.MAX_VALUE).string();
        synchronized (this) {
          rawReceived += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
      }
      return response;
    };
  }

  /** The event listener: wire bytes and the time split of each exchange. */
  EventListener.Factory events() {
    return call ->
        new EventListener() {
          @Override
          public void callStart(Call call) {
            synchronized (WireMeter.this) {
              requests++;
            }
          }

          @Override
          public void requestHeadersStart(Call call) {
            requestStart = System.nanoTime();
          }

          @Override
          public void requestHeadersEnd(Call call, Request request) {
            long n =
                request.method().length()
                    + 1
                    + request.url().encodedPath().length()
                    + " HTTP/1.1\r\n".length()
                    + headerBytes(request.headers())
                    + 2;
            synchronized (WireMeter.this) {
              headerSent += n;
            }
            requestEnd = System.nanoTime();
          }

          @Override
          public void requestBodyEnd(Call call, long byteCount) {
            synchronized (WireMeter.this) {
              wireSent += byteCount;
            }
            requestEnd = System.nanoTime();
          }

          @Override
          public void responseHeadersEnd(Call call, Response response) {
            headersEnd = System.nanoTime();
            long n =
                "HTTP/1.1 ".length()
                    + 4
                    + response.message().length()
                    + 2
                    + headerBytes(response.headers())
                    + 2;
            synchronized (WireMeter.this) {
              headerReceived += n;
              serverNanos += headersEnd - requestEnd;
            }
          }

          @Override
          public void responseBodyEnd(Call call, long byteCount) {
            long now = System.nanoTime();
            synchronized (WireMeter.this) {
              wireReceived += byteCount;
              transferNanos += now - headersEnd;
              exchangeNanos += now - requestStart;
            }
          }
        };
  }

  private static long headerBytes(Headers headers) {
    long n = 0;
    for (int i = 0; i < headers.size(); i++) {
      n += headers.name(i).length() + 2 + headers.value(i).length() + 2;
    }
    return n;
  }
}
