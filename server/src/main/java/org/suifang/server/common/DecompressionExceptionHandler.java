package org.suifang.server.common;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Answers a request body that is labelled {@code Content-Encoding: gzip} (or deflate) but does not
 * inflate (not gzip at all, a corrupt byte, a wrong checksum) with 400 {@link
 * CommonError#MALFORMED_REQUEST}, like any other body that cannot be read. Without it Netty's
 * exception reached the default handler and the client saw a 500.
 */
@Produces
@Singleton
@Requires(classes = {DecompressionException.class, ExceptionHandler.class})
final class DecompressionExceptionHandler
    implements ExceptionHandler<DecompressionException, HttpResponse<?>> {

  private final ErrorResponseProcessor<?> processor;

  DecompressionExceptionHandler(ErrorResponseProcessor<?> processor) {
    this.processor = processor;
  }

  @Override
  @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
  public HttpResponse<?> handle(HttpRequest request, DecompressionException exception) {
    ApiException malformed =
        new ApiException(
            CommonError.MALFORMED_REQUEST,
            List.of(
                new FieldError(
                    "body",
                    "MALFORMED",
                    "请求内容的压缩格式不正确，无法解压。",
                    "The body could not be decompressed as its Content-Encoding says.")));
    return processor.processResponse(
        ErrorContext.builder(request).cause(malformed).build(),
        HttpResponse.status(CommonError.MALFORMED_REQUEST.status()));
  }
}
