package uk.schoolsocial.incident.casefile.query;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** The parts of a case file kept as JSON documents in {@code incident_view} (INC-3 to INC-6). */
public final class CaseNotes {

    private CaseNotes() {
    }

    /** INC-3: the initial assessment. */
    @Introspected
    public record Assessment(String assessorId, String assessorRole, String severity, boolean safeguarding,
                             boolean possiblyIllegal, String posterType, String route,
                             @Nullable String internalProcedure, @Nullable String notes, Instant assessedAt,
                             boolean onTime) {
    }

    /** INC-4: one escalation, with the body's response once recorded. */
    @Introspected
    public record Escalation(String id, String body, Instant escalatedAt, String escalatedBy,
                             @Nullable String externalReference, @Nullable String details, Instant recordedAt,
                             @Nullable String response, @Nullable String responseReference,
                             @Nullable Instant respondedAt) {
    }

    /**
     * INC-5: one takedown request: REQUESTED, REMOVED or ABANDONED. {@code dueAt} is when a request
     * to a platform falls due; null for a request to a person, and for requests made before due
     * times were kept.
     */
    @Introspected
    public record Takedown(String id, String addressee, @Nullable String addressedTo, @Nullable String reference,
                          String requestedBy, Instant requestedAt, String state, @Nullable String note,
                          @Nullable Instant settledAt, @Nullable Instant escalationSuggestedAt,
                          @Nullable Instant dueAt) {

        /** INC-5: still open at {@code now} and past its due time, or escalation was suggested already. */
        public boolean overdueAt(Instant now) {
            return "REQUESTED".equals(state)
                    && (dueAt != null && !dueAt.isAfter(now) || escalationSuggestedAt != null);
        }
    }

    /** INC-6: how the incident was closed. */
    @Introspected
    public record Closure(String closedBy, @Nullable String outcome, @Nullable String actionsTaken, Instant closedAt) {
    }

    /** INC-1: one evidence item as the case file lists it; the bytes are fetched separately. */
    @Introspected
    public record Evidence(String id, String mediaType, long sizeBytes, String sha256, @Nullable String description,
                           @Nullable String addedBy, Instant addedAt) {
    }
}
