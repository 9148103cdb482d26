package org.suifang.server.synchealth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The sync-health report of an area ({@code GET /api/v1/reports/sync-health}).
 *
 * @param areaCode the township or county the report covers
 * @param areaName its name
 * @param generatedAt when the report was made (server time)
 * @param staleAfterHours a device is stale without a successful sync for this many hours
 * @param maxClockSkewSeconds a clock offset beyond this many seconds is suspect
 * @param devices the number of distinct devices in the report
 * @param staleDevices how many of them are stale
 * @param suspectClocks how many of them have a suspect clock
 * @param doctorsWithoutDevice doctors of the area who never registered a tablet
 * @param pendingTotal changes waiting on the devices' outboxes, as last reported
 * @param rows flagged rows first (stale, suspect or never synced), then by last sync, oldest first
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record SyncHealthReport(
    String areaCode,
    String areaName,
    Instant generatedAt,
    long staleAfterHours,
    long maxClockSkewSeconds,
    int devices,
    int staleDevices,
    int suspectClocks,
    int doctorsWithoutDevice,
    int pendingTotal,
    List<SyncHealthRow> rows) {}
