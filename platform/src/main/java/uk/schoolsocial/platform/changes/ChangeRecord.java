package uk.schoolsocial.platform.changes;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One entry of the change feed (issue 12): what kind of record changed, its id, the pupil or staff
 * member it is about (their roster id), the channel for a consent, the new status, when, and where
 * to read the record. Ids only: no names, no free text.
 *
 * @param seq the entry's place in the service's feed
 */
public record ChangeRecord(long seq, String kind, String recordId, @Nullable String subjectId,
                           @Nullable String channel, String status, Instant occurredAt, String link) {
}
