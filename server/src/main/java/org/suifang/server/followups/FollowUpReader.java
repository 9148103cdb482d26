package org.suifang.server.followups;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads follow-up records for other features (the sync change feed) exactly as {@code GET
 * /api/v1/follow-ups/{id}} shows them. It checks no area: the caller decides what the user may see.
 */
@Singleton
public class FollowUpReader {

  private final Rows rows;
  private final FollowUpRepository followUps;
  private final FollowUpService service;
  private final JsonMapper json;

  FollowUpReader(
      Rows rows, FollowUpRepository followUps, FollowUpService service, JsonMapper json) {
    this.rows = rows;
    this.followUps = followUps;
    this.service = service;
    this.json = json;
  }

  /**
   * Returns every record of the patient, superseded and voided ones included, newest first, each as
   * the JSON object {@code GET /api/v1/patients/{id}/follow-ups} answers (the patient page).
   */
  @Transactional(readOnly = true)
  public List<JsonNode> history(UUID patientId) {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (FollowUpView view : service.views(followUps.findHistory(patientId))) {
      try {
        out.add(json.writeValueToTree(view));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /**
   * Returns the records with the given ids, each as the JSON object the REST API answers, by id
   * (unknown ids are left out). Joins the caller's transaction, else runs in a read-only one.
   */
  @Transactional(readOnly = true)
  public Map<UUID, JsonNode> views(Collection<UUID> ids) {
    Map<UUID, JsonNode> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (FollowUpView view : service.views(rows.findByIdIn(ids))) {
      try {
        out.put(view.id(), json.writeValueToTree(view));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** Loads many records in one query (the feature's repository has no such method). */
  @JdbcRepository(dialect = Dialect.POSTGRES)
  interface Rows extends GenericRepository<FollowUp, UUID> {

    List<FollowUp> findByIdIn(Collection<UUID> ids);
  }
}
