package org.suifang.server.common;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
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

/**
 * Answers a value the database refuses ({@link BadData}: a NUL character in a name or a query
 * parameter, a timestamp beyond PostgreSQL's range) with 400 {@link CommonError#MALFORMED_REQUEST};
 * before, every such request was a 500. A failure that passes by itself ({@link
 * TransientDatabaseFailure}: a lock timeout, a deadlock) is 503 {@link
 * CommonError#TEMPORARILY_UNAVAILABLE} with {@code Retry-After}. Any other database failure stays a
 * 500. Both are logged here.
 */
@Produces
@Singleton
@Requires(classes = {DataAccessException.class, ExceptionHandler.class})
final class DataAccessExceptionHandler
    implements ExceptionHandler<DataAccessException, HttpResponse<?>> {

  private static final Logger LOG = LoggerFactory.getLogger(DataAccessExceptionHandler.class);

  private final ErrorResponseProcessor<?> processor;

  DataAccessExceptionHandler(ErrorResponseProcessor<?> processor) {
    this.processor = processor;
  }

  @Override
  @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
  public HttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
    if (BadData.is(exception)) {
      return processor.processResponse(
          ErrorContext.builder(request).cause(BadData.error()).build(),
          HttpResponse.status(CommonError.MALFORMED_REQUEST.status()));
    }
    if (TransientDatabaseFailure.is(exception)) {
      return TransientDatabaseFailure.answer(processor, request, exception);
    }
    LOG.error("{} {} failed in the database", request.getMethod(), request.getPath(), exception);
    return processor.processResponse(
        ErrorContext.builder(request).cause(exception).build(),
        HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR));
  }
}
