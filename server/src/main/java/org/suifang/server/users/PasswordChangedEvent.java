package org.suifang.server.users;

import java.util.UUID;

/**
 * Published by {@link UserService#setPassword} after a user's password was replaced; the auth
 * feature ends the user's sessions on it.
 *
 * @param userId whose password changed
 */
public record PasswordChangedEvent(UUID userId) {}
