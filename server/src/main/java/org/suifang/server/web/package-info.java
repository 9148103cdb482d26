/**
 * The web shell of the supervisors' dashboard: browser sign-in with a session cookie ({@link
 * org.suifang.server.web.LoginController}, {@link org.suifang.server.web.DashboardSessions}), CSRF
 * tokens ({@link org.suifang.server.web.CsrfTokens}, {@link org.suifang.server.web.CsrfFilter}),
 * language, the page layout's model ({@link org.suifang.server.web.DashboardModelProcessor}),
 * message bundles, security headers and error pages for browsers. Feature pages live in their own
 * packages and use this shell; see docs/dashboard.md.
 */
package org.suifang.server.web;
