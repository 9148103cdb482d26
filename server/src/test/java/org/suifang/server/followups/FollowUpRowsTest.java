package org.suifang.server.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.SqlRows;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * {@link FollowUpRows#insert} writes a record as the repository's {@code save} does, every column,
 * and its change number: a pushed record inserted by a batch at its end reads back the same as one
 * saved through the repository.
 */
@MicronautTest(transactional = false)
class FollowUpRowsTest {

  private static final BeanIntrospection<FollowUp> INTROSPECTION =
      BeanIntrospection.getIntrospection(FollowUp.class);

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject FollowUpRows rows;

  @Inject FollowUpRepository followUps;

  @Inject TransactionOperations<Connection> transactions;

  @Test
  void insert_everyColumnAsTheRepositoryWritesIt_withTheChangeNumber() {
    TestArea area = auth.seedArea();
    String patientId =
        (String)
            api.post("doc1", "/api/v1/patients", PatientSamples.hypertensive(VILLAGE_1))
                .json()
                .get("id");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    List<UUID> stored = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestApi.Response r =
          api.post(
              "doc1",
              "/api/v1/patients/" + patientId + "/follow-ups",
              FollowUpSamples.hypertensionVisit(today.minusDays(10 + i), 130, 80));
      assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
      stored.add(UUID.fromString((String) r.json().get("id")));
    }
    FollowUp template = followUps.findById(stored.get(0)).orElseThrow();
    UUID doctor = area.userId("doc1");
    // Every column set (the nullable ones too), and every column empty that may be.
    FollowUp full = filled(template, UUID.randomUUID(), stored.get(1), doctor);
    FollowUp fullSaved = filled(template, UUID.randomUUID(), stored.get(2), doctor);
    FollowUp sparse = withId(template, UUID.randomUUID());

    transactions.executeWrite(
        status -> {
          rows.insert(full, 4242);
          rows.insert(sparse, 0);
          followUps.save(fullSaved);
          return null;
        });

    FollowUp inserted = followUps.findById(full.id()).orElseThrow();
    FollowUp saved = followUps.findById(fullSaved.id()).orElseThrow();
    for (BeanProperty<FollowUp, Object> p : INTROSPECTION.getBeanProperties()) {
      if (p.getName().equals("id") || p.getName().equals("amends")) {
        continue;
      }
      assertThat(p.get(inserted)).as(p.getName()).isNotNull().isEqualTo(p.get(saved));
    }
    assertThat(followUps.findById(sparse.id()).orElseThrow()).isEqualTo(sparse);
    assertThat(changeSeq(full.id())).isEqualTo(4242);
    assertThat(changeSeq(sparse.id())).isZero();
  }

  /** A copy of the record with a value in every nullable column as well. */
  private static FollowUp filled(FollowUp template, UUID id, UUID amends, UUID user) {
    List<BeanProperty<FollowUp, Object>> properties =
        new ArrayList<>(INTROSPECTION.getBeanProperties());
    Object[] values = new Object[properties.size()];
    for (int i = 0; i < values.length; i++) {
      BeanProperty<FollowUp, Object> p = properties.get(i);
      Object value = p.get(template);
      values[i] =
          switch (p.getName()) {
            case "id" -> id;
            case "amends" -> amends;
            case "voidedBy" -> user;
            default -> value != null ? value : sample(p.getType());
          };
    }
    return INTROSPECTION.instantiate(values);
  }

  private static FollowUp withId(FollowUp template, UUID id) {
    List<BeanProperty<FollowUp, Object>> properties =
        new ArrayList<>(INTROSPECTION.getBeanProperties());
    Object[] values = new Object[properties.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = properties.get(i).getName().equals("id") ? id : properties.get(i).get(template);
    }
    return INTROSPECTION.instantiate(values);
  }

  private static Object sample(Class<?> type) {
    if (type == String.class) {
      return "样例";
    } else if (type == Integer.class) {
      return 7;
    } else if (type == BigDecimal.class) {
      return new BigDecimal("6.5");
    } else if (type == Boolean.class) {
      return Boolean.TRUE;
    } else if (type == LocalDate.class) {
      return LocalDate.of(2026, 3, 4);
    } else if (type == Instant.class) {
      return Instant.parse("2026-03-04T05:06:07.089Z");
    } else if (type == UUID.class) {
      return UUID.fromString("00000000-0000-4000-8000-000000000042");
    } else if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    throw new AssertionError("No sample value for " + type);
  }

  private long changeSeq(UUID id) {
    List<Map<String, Object>> rows =
        SqlRows.read(transactions, "SELECT change_seq FROM follow_up WHERE id = ?", id);
    assertThat(rows).hasSize(1);
    return ((Number) rows.get(0).get("change_seq")).longValue();
  }
}
