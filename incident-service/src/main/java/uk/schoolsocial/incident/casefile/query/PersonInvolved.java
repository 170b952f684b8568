package uk.schoolsocial.incident.casefile.query;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** One person involved, as stored in {@code incident_view.people_involved} (a JSON array). */
@Introspected
public record PersonInvolved(String role, @Nullable String rosterId, @Nullable String description) {
}
