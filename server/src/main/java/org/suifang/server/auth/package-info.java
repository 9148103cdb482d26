/**
 * Authentication and access scope: login with throttling and lockout, the JWT access token and the
 * rotating refresh token ({@link org.suifang.server.auth.AuthService}, {@link
 * org.suifang.server.auth.TokenService}), password hashing ({@link
 * org.suifang.server.auth.PasswordHasher}), the settings under {@code suifang.auth} ({@link
 * org.suifang.server.auth.AuthConfiguration}) and the per-request {@link
 * org.suifang.server.auth.CurrentUser} with its read/write rules. Checking the bearer token of
 * incoming requests is left to micronaut-security-jwt. The dashboard signs in through {@link
 * org.suifang.server.auth.BrowserLogin}. See docs/auth.md.
 */
package org.suifang.server.auth;
