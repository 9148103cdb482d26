package org.suifang.server.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Binds {@link CurrentUser} controller arguments from the request's {@link Authentication}. */
@Singleton
final class CurrentUserBinder implements TypedRequestArgumentBinder<CurrentUser> {

  @Override
  public Argument<CurrentUser> argumentType() {
    return Argument.of(CurrentUser.class);
  }

  @Override
  public BindingResult<CurrentUser> bind(ArgumentConversionContext<CurrentUser> context, HttpRequest<?> source) {
    Optional<Authentication> auth = source.getUserPrincipal(Authentication.class);
    if (auth.isEmpty()) {
      return BindingResult.unsatisfied();
    }
    Optional<CurrentUser> user = from(auth.get());
    return user.isPresent() ? () -> user : BindingResult.unsatisfied();
  }

  /** Reads the user from the token's claims; empty if the token lacks them. */
  static Optional<CurrentUser> from(Authentication auth) {
    Map<String, Object> a = auth.getAttributes();
    Object uid = a.get(CurrentUser.CLAIM_USER_ID);
    Object county = a.get(CurrentUser.CLAIM_COUNTY);
    Collection<String> roles = auth.getRoles();
    if (uid == null || county == null || roles.size() != 1) {
      return Optional.empty();
    }
    Role role;
    try {
      role = Role.valueOf(roles.iterator().next());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Object township = a.get(CurrentUser.CLAIM_TOWNSHIP);
    Set<String> villages = new LinkedHashSet<>();
    if (a.get(CurrentUser.CLAIM_VILLAGES) instanceof Collection<?> c) {
      c.forEach(v -> villages.add(v.toString()));
    }
    return Optional.of(new CurrentUser(UUID.fromString(uid.toString()), auth.getName(), role,
        county.toString(), township == null ? null : township.toString(), villages));
  }
}
