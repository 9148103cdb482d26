/**
 * User accounts: who they are, their role and the area they work in (a doctor's villages, a
 * supervisor's township, an administrator's county), their bcrypt password hash and the login
 * counters the auth feature keeps on them. {@link org.suifang.server.users.UserService} is the API
 * other features (auth, demo-data seeding) use; {@code GET /api/v1/me} and the county
 * administrator's user API live here too.
 */
package org.suifang.server.users;
