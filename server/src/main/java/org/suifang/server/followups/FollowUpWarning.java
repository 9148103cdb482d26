package org.suifang.server.followups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.UUID;

/** A soft validation warning stored with its follow-up (table {@code follow_up_warning}, V11). */
@MappedEntity("follow_up_warning")
record FollowUpWarning(
    @Id @GeneratedValue @Nullable Long id,
    UUID followUpId,
    int lineNo,
    @Nullable String field,
    String code,
    String messageZh,
    String messageEn) {}
