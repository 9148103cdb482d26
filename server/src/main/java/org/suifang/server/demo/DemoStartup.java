package org.suifang.server.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suifang.server.auth.Role;

/**
 * In demo mode only: once the HTTP server is up, seeds the demo data (unless it is there already,
 * see {@link DemoSeeder}) through the server's own API, then prints where the server is and the
 * demo logins.
 */
@Singleton
@Requires(property = "suifang.demo.enabled", value = "true")
class DemoStartup {

  private static final Logger LOG = LoggerFactory.getLogger(DemoStartup.class);

  private final DemoSeeder seeder;
  private final DemoDevices devices;
  private final DemoConfiguration config;
  private final String dataDir;

  DemoStartup(
      DemoSeeder seeder,
      DemoDevices devices,
      DemoConfiguration config,
      @Value("${suifang.data-dir:./data}") String dataDir) {
    this.seeder = seeder;
    this.devices = devices;
    this.config = config;
    this.dataDir = dataDir;
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    URI server = event.getSource().getURI();
    seeder.seedIfAbsent(server);
    devices.seedIfAbsent();
    LOG.info("\n{}", banner(server, seeder.counts(), config.password(), dataDir));
  }

  /** The startup banner: URLs, what the demo holds, and the logins with their roles and areas. */
  static String banner(URI server, DemoSeeder.Counts counts, String password, String dataDir) {
    String base = server.toString().replaceAll("/$", "");
    StringBuilder b = new StringBuilder();
    String rule = "=".repeat(78);
    b.append(rule).append('\n');
    b.append(" Suifang demo server        ").append(base).append('\n');
    b.append(" API reference (swagger-ui) ").append(base).append("/swagger-ui/index.html\n");
    b.append(" Dashboard (browser)        ").append(base).append("/  (supervisor1 or admin)\n");
    b.append(" Demo data: ")
        .append(DemoArea.COUNTY_NAME)
        .append(' ')
        .append(DemoArea.COUNTY.substring(0, 6))
        .append(", ")
        .append(counts.patients())
        .append(" patients, ")
        .append(counts.followUps())
        .append(" follow-ups\n");
    b.append(" Demo logins (password ").append(password).append(" for all):\n");
    for (DemoArea.Login login : DemoArea.LOGINS) {
      String area =
          login.area().stream()
              .map(code -> DemoArea.nameOf(code) + " " + code)
              .collect(Collectors.joining(", "));
      b.append(
          String.format("   %-12s %-20s %s%n", login.username(), roleName(login.role()), area));
    }
    b.append(" Log in: POST ")
        .append(base)
        .append("/api/v1/auth/login {\"username\":\"doctor1\",\"password\":\"")
        .append(password)
        .append("\"}\n");
    b.append(" To seed again, stop the server and delete ")
        .append(dataDir)
        .append(". Not for production use.\n");
    b.append(rule);
    return b.toString();
  }

  private static String roleName(Role role) {
    return switch (role) {
      case VILLAGE_DOCTOR -> "village doctor";
      case TOWNSHIP_SUPERVISOR -> "township supervisor";
      case COUNTY_ADMIN -> "county administrator";
    };
  }
}
