package org.suifang.server.sync;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suifang.server.common.TransientDatabaseFailure;
import org.suifang.server.sync.ChangeSequencer.ChangeSequenceException;

/**
 * A REST write that could not take its change sequence number. Every write locks the one {@code
 * sync_clock} row, so a session of another instance that holds it too long (or a deadlock around
 * it) makes the write wait for the lock timeout: that is temporary, the transaction rolled back
 * whole, and the answer is 503 {@code TEMPORARILY_UNAVAILABLE}; anything else stays a 500.
 */
@Produces
@Singleton
final class ChangeSequenceExceptionHandler
    implements ExceptionHandler<ChangeSequenceException, HttpResponse<?>> {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeSequenceExceptionHandler.class);

  private final ErrorResponseProcessor<?> processor;

  ChangeSequenceExceptionHandler(ErrorResponseProcessor<?> processor) {
    this.processor = processor;
  }

  @Override
  @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
  public HttpResponse<?> handle(HttpRequest request, ChangeSequenceException exception) {
    if (TransientDatabaseFailure.is(exception)) {
      return TransientDatabaseFailure.answer(processor, request, exception);
    }
    LOG.error(
        "{} {} could not take a change sequence number",
        request.getMethod(),
        request.getPath(),
        exception);
    return processor.processResponse(
        ErrorContext.builder(request).cause(exception).build(),
        HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR));
  }
}
