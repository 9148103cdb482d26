package org.suifang.server.common;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import java.sql.SQLTransientException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises a database failure that goes away by itself: a lock wait that timed out, a deadlock
 * the database broke by rolling one transaction back, a serialization failure, a lost connection.
 * The transaction was rolled back whole, so the request changed nothing and retrying it is safe:
 * the answer is 503 {@link CommonError#TEMPORARILY_UNAVAILABLE}, not a 500 that reads as a server
 * bug.
 */
public final class TransientDatabaseFailure {

  /**
   * SQLSTATEs of PostgreSQL and H2: 40001 serialization failure (H2: deadlock), 40P01 deadlock,
   * 55P03 lock not available ({@code lock_timeout}), 57014 statement cancelled ({@code
   * statement_timeout}), 57P01 administrator shutdown, HYT00 H2's lock timeout; class 08 is a
   * connection failure.
   */
  private static final Set<String> STATES =
      Set.of("40001", "40P01", "55P03", "57014", "57P01", "HYT00");

  private static final Logger LOG = LoggerFactory.getLogger(TransientDatabaseFailure.class);

  private TransientDatabaseFailure() {}

  /** Logs the failure and answers 503 {@code TEMPORARILY_UNAVAILABLE} with {@code Retry-After}. */
  public static HttpResponse<?> answer(
      ErrorResponseProcessor<?> processor, HttpRequest<?> request, Throwable failure) {
    LOG.warn(
        "{} {} failed in the database, temporarily; nothing was stored",
        request.getMethod(),
        request.getPath(),
        failure);
    return processor.processResponse(
        ErrorContext.builder(request)
            .cause(new ApiException(CommonError.TEMPORARILY_UNAVAILABLE))
            .build(),
        HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2"));
  }

  /** Returns true when the exception or one of its causes is a transient database failure. */
  public static boolean is(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLTransientException) {
        return true;
      }
    }
    return BadData.anySqlState(e, state -> STATES.contains(state) || state.startsWith("08"));
  }
}
