package org.suifang.server.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Answers a {@link LoginBlockedException} like any API error, plus {@code Retry-After} in seconds. */
@Produces
@Singleton
final class LoginBlockedExceptionHandler implements ExceptionHandler<LoginBlockedException, HttpResponse<?>> {

  private final ErrorResponseProcessor<?> processor;
  private final Clock clock;

  LoginBlockedExceptionHandler(ErrorResponseProcessor<?> processor, Clock clock) {
    this.processor = processor;
    this.clock = clock;
  }

  @Override
  @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
  public HttpResponse<?> handle(HttpRequest request, LoginBlockedException exception) {
    long seconds = Math.max(1, Duration.between(clock.instant(), exception.until()).toSeconds() + 1);
    return processor.processResponse(
        ErrorContext.builder(request).cause(exception).build(),
        HttpResponse.status(exception.code().status()).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
  }
}
