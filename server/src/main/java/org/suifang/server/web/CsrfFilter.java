package org.suifang.server.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suifang.server.common.ApiError;

/**
 * Refuses every state-changing request (anything but GET, HEAD, OPTIONS, TRACE) to a browser route
 * ({@code /dashboard/**}, {@code /login}, {@code /logout}) that does not carry the CSRF token of
 * its session: in the header {@code X-CSRF-TOKEN}, or in the field {@code csrfToken} of a
 * URL-encoded form (or JSON) body. Refused with 403 {@code CSRF_TOKEN_INVALID} before the
 * controller runs, so nothing changes. Multipart forms must send the header.
 *
 * <p>A classic {@link HttpServerFilter} rather than an annotated request filter: the form body may
 * arrive after the headers, and an annotated filter whose asynchronous result is "proceed" (null)
 * ends the request with an empty 503 in Micronaut 4.10 (seen in about one form post in four);
 * proceeding through the chain explicitly does not.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class CsrfFilter implements HttpServerFilter {

  private static final Logger LOG = LoggerFactory.getLogger(CsrfFilter.class);
  private static final List<HttpMethod> SAFE =
      List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

  private final CsrfTokens tokens;
  private final FilterBodyParser bodies;

  CsrfFilter(CsrfTokens tokens, FilterBodyParser bodies) {
    this.tokens = tokens;
    this.bodies = bodies;
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    if (SAFE.contains(request.getMethod()) || !DashboardSessions.isBrowserPath(request.getPath())) {
      return chain.proceed(request);
    }
    String header = request.getHeaders().get(CsrfTokens.HEADER);
    if (header != null || !hasParsableBody(request)) {
      return decide(request, header, chain);
    }
    return Publishers.fromCompletableFuture(
        () ->
            bodies
                .parseBody(request)
                .exceptionally(
                    e -> {
                      // An unreadable body carries no token: refused below like a missing one.
                      LOG.debug(
                          "Unreadable body of {} {}", request.getMethod(), request.getPath(), e);
                      return Map.of();
                    })
                .thenCompose(fields -> single(decide(request, field(fields), chain))));
  }

  @Override
  public int getOrder() {
    // Before the security filter: a forged request is refused whoever it claims to be.
    return ServerFilterPhase.SECURITY.before();
  }

  private Publisher<MutableHttpResponse<?>> decide(
      HttpRequest<?> request, @Nullable String presented, ServerFilterChain chain) {
    if (tokens.isValid(request, presented)) {
      return chain.proceed(request);
    }
    LOG.warn(
        "Refused {} {} from {}: missing or wrong CSRF token",
        request.getMethod(),
        request.getPath(),
        request.getRemoteAddress().getHostString());
    return Publishers.just(
        HttpResponse.status(WebError.CSRF_TOKEN_INVALID.status())
            .body(ApiError.of(WebError.CSRF_TOKEN_INVALID, List.of())));
  }

  /** Returns the one response a filter chain publishes, as a future. */
  private static CompletableFuture<MutableHttpResponse<?>> single(
      Publisher<MutableHttpResponse<?>> responses) {
    CompletableFuture<MutableHttpResponse<?>> result = new CompletableFuture<>();
    responses.subscribe(
        new Subscriber<MutableHttpResponse<?>>() {
          @Override
          public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(MutableHttpResponse<?> response) {
            result.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            result.completeExceptionally(error);
          }

          @Override
          public void onComplete() {
            result.completeExceptionally(
                new IllegalStateException("the filter chain gave no response"));
          }
        });
    return result;
  }

  private static boolean hasParsableBody(HttpRequest<?> request) {
    return request
        .getContentType()
        .map(
            t ->
                t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                    || t.matches(MediaType.APPLICATION_JSON_TYPE))
        .orElse(false);
  }

  private static @Nullable String field(Map<String, Object> fields) {
    Object value = fields.get(CsrfTokens.FIELD);
    if (value instanceof List<?> list) {
      value = list.isEmpty() ? null : list.get(0);
    }
    return value == null ? null : value.toString();
  }
}
