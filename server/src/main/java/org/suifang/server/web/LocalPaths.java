package org.suifang.server.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/** Checks redirect targets taken from request parameters, so they cannot lead off the server. */
final class LocalPaths {

  private static final int MAX_LENGTH = 2000;

  private LocalPaths() {}

  /**
   * Returns whether {@code path} is a path on this server: it starts with one {@code /} (not {@code
   * //} or {@code /\}, which browsers treat as another host), and has no control characters.
   */
  static boolean isLocal(@Nullable String path) {
    if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
      return false;
    }
    if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code path} if it is local, else {@code fallback}. */
  static String orElse(@Nullable String path, String fallback) {
    return isLocal(path) ? path : fallback;
  }

  /** Returns the request's path and query, e.g. {@code /dashboard/worklists/overdue?village=1}. */
  static String of(HttpRequest<?> request) {
    String query = request.getUri().getRawQuery();
    return request.getPath() + (query == null || query.isEmpty() ? "" : "?" + query);
  }
}
