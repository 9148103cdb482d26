package org.suifang.client.internal.net;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A network interceptor that counts request and response body bytes as they cross the wire: after
 * request compression and before response decompression (OkHttp decompresses above network
 * interceptors). It buffers each response body, which is bounded by the page size.
 */
public final class WireCounter implements Interceptor {
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  public long sent() {
    return sent.get();
  }

  public long received() {
    return received.get();
  }

  public long requests() {
    return requests.get();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    requests.incrementAndGet();
    RequestBody body = request.body();
    if (body != null) {
      long length = body.contentLength();
      if (length > 0) {
        sent.addAndGet(length);
      }
    }
    Response response = chain.proceed(request);
    ResponseBody raw = response.body();
    if (raw == null) {
      return response;
    }
    byte[] bytes = raw.bytes();
    received.addAndGet(bytes.length);
    return response.newBuilder().body(ResponseBody.create(bytes, raw.contentType())).build();
  }
}
