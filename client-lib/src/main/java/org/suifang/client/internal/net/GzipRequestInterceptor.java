package org.suifang.client.internal.net;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;

/**
 * Compresses the bodies of requests tagged {@link Gzip} and sets {@code Content-Encoding: gzip}
 * (the Android FHIR SDK's {@code GzipUploadInterceptor}). Only the sync endpoint is tagged: it is
 * the one the server inflates. The body is buffered so that its length is known and counted.
 */
public final class GzipRequestInterceptor implements Interceptor {

  /** The request tag asking for a gzip body. */
  public static final class Gzip {
    public static final Gzip INSTANCE = new Gzip();

    private Gzip() {}
  }

  @Override
  public okhttp3.Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestBody body = request.body();
    if (body == null
        || request.tag(Gzip.class) == null
        || request.header("Content-Encoding") != null) {
      return chain.proceed(request);
    }
    Buffer compressed = new Buffer();
    try (BufferedSink gzip = Okio.buffer(new GzipSink(compressed))) {
      body.writeTo(gzip);
    }
    RequestBody gzipped = RequestBody.create(compressed.readByteString(), body.contentType());
    return chain.proceed(
        request
            .newBuilder()
            .header("Content-Encoding", "gzip")
            .method(request.method(), gzipped)
            .build());
  }
}
