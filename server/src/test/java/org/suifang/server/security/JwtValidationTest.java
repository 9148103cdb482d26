package org.suifang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.PageSession;
import org.suifang.server.testing.TestAuth;

/**
 * Access tokens and dashboard session cookies that must not authenticate: changed payload or
 * signature, {@code alg: none}, signed with another key, expired, not valid yet, for another
 * audience or from another issuer. Each forged token starts from a real one (issued by the server
 * at login) and changes one thing, so the control case (re-signing the untouched claims with the
 * server's key) proves that the forger itself produces tokens the server accepts.
 */
@MicronautTest(transactional = false)
class JwtValidationTest {

  private static final String OTHER_KEY = "another-deployment-secret-0123456789-abcdefghij";

  @Inject EmbeddedServer server;
  @Inject TestAuth auth;
  @Inject JsonMapper json;

  @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
  String secret;

  RawHttp http;

  @BeforeEach
  void setUp() {
    auth.seedArea();
    http = new RawHttp(server.getURL());
  }

  @Test
  void accessToken_carriesIssuerAndAudience() throws ParseException {
    JWTClaimsSet claims = JWTParser.parse(auth.login("doc1")).getJWTClaimsSet();

    assertThat(claims.getIssuer()).isEqualTo("suifang");
    assertThat(claims.getAudience()).containsExactly("suifang");
  }

  @Test
  void accessToken_resignedUnchangedWithOurKey_isAccepted() {
    // The control: the forger below is sound, so each refusal is about the one thing changed.
    String token = resign(auth.login("doc1"), secret, c -> c);

    assertThat(me(token).statusCode()).isEqualTo(200);
  }

  @Test
  void accessToken_forgedInEachWay_answers401InTheErrorShape() {
    String real = auth.login("doc1");
    String[] parts = real.split("\\.");
    Instant now = Instant.now();
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put(
        "payload changed, signature kept",
        parts[0]
            + "."
            + payloadWith(parts[1], "villages", List.of("130123200201"))
            + "."
            + parts[2]);
    forged.put("signature changed", parts[0] + "." + parts[1] + "." + flip(parts[2]));
    forged.put("signature removed", parts[0] + "." + parts[1] + ".");
    forged.put("alg none", new PlainJWT(claims(real)).serialize());
    forged.put("signed with another key", resign(real, OTHER_KEY, c -> c));
    forged.put(
        "expired",
        resign(
            real,
            secret,
            c ->
                c.issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                    .expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))));
    forged.put(
        "not valid yet (nbf in an hour)",
        resign(real, secret, c -> c.notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))));
    forged.put("wrong audience", resign(real, secret, c -> c.audience("another-service")));
    forged.put("no audience", resign(real, secret, c -> c.audience((String) null)));
    forged.put("wrong issuer", resign(real, secret, c -> c.issuer("someone-else")));
    forged.put("no issuer", resign(real, secret, c -> c.issuer(null)));
    forged.put("not a JWT", "not.a.jwt");

    forged.forEach(
        (what, token) -> {
          HttpResponse<String> response = me(token);
          assertThat(response.statusCode()).as(what).isEqualTo(401);
          Map<String, Object> body = body(response);
          assertThat(body).as(what).containsEntry("code", "UNAUTHENTICATED");
          assertThat(body).as(what).containsKeys("messageZh", "messageEn");
        });
    System.out.printf("JWT: %d forged access tokens refused with 401%n", forged.size());
  }

  @Test
  void sessionCookie_forgedAudienceIssuerOrKey_sendsTheBrowserToTheLoginForm() {
    PageSession browser = new PageSession(server.getURL());
    assertThat(browser.login("sup1", TestAuth.PASSWORD, "/dashboard").statusCode()).isEqualTo(303);
    String session = browser.cookies.get("SUIFANG_SESSION");
    assertThat(dashboard(resign(session, secret, c -> c)).statusCode()).isEqualTo(200);

    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("wrong audience", resign(session, secret, c -> c.audience("another-service")));
    forged.put("wrong issuer", resign(session, secret, c -> c.issuer("someone-else")));
    forged.put("signed with another key", resign(session, OTHER_KEY, c -> c));
    forged.put("alg none", new PlainJWT(claims(session)).serialize());

    forged.forEach(
        (what, token) -> {
          HttpResponse<String> page = dashboard(token);
          assertThat(page.statusCode()).as(what).isEqualTo(303);
          assertThat(page.headers().firstValue("location"))
              .as(what)
              .hasValueSatisfying(l -> assertThat(l).startsWith("/login?next="));
        });
  }

  private HttpResponse<String> me(String token) {
    return http.send("GET", "/api/v1/me", Map.of("Authorization", "Bearer " + token), null);
  }

  private HttpResponse<String> dashboard(String session) {
    return http.send("GET", "/dashboard", Map.of("Cookie", "SUIFANG_SESSION=" + session), null);
  }

  private static JWTClaimsSet claims(String token) {
    try {
      return JWTParser.parse(token).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  /** Returns the token's claims, changed by {@code change}, signed with HS256 and {@code key}. */
  private static String resign(
      String token, String key, UnaryOperator<JWTClaimsSet.Builder> change) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader(JWSAlgorithm.HS256),
              change.apply(new JWTClaimsSet.Builder(claims(token))).build());
      jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new AssertionError(e);
    }
  }

  private String payloadWith(String payload, String claim, Object value) {
    try {
      Map<String, Object> claims =
          json.readValue(
              java.util.Base64.getUrlDecoder().decode(payload),
              Argument.mapOf(String.class, Object.class));
      Map<String, Object> changed = new LinkedHashMap<>(claims);
      changed.put(claim, value);
      return java.util.Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(json.writeValueAsBytes(changed));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String flip(String signature) {
    char c = signature.charAt(0);
    return (c == 'A' ? 'B' : 'A') + signature.substring(1);
  }

  private Map<String, Object> body(HttpResponse<String> response) {
    try {
      return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }
}
