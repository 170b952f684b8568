package uk.schoolsocial.events;

import java.util.List;

/**
 * The metadata keys every event of the suite carries (AUD-1). Part of the published language:
 * auditors and consumers read them, so they never change.
 */
public final class AuditMetadata {
    /** The person or system client who caused the event ({@code sub} of the caller's token). */
    public static final String ACTOR_ID = "actorId";
    /** The actor's roles when acting, comma separated. */
    public static final String ACTOR_ROLES = "actorRoles";
    /** The school (tenant) the event belongs to. */
    public static final String SCHOOL_ID = "schoolId";
    /** The id of the request (or root message) that started the chain of messages. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** Why, where the actor gave a reason. */
    public static final String REASON = "reason";

    /** Keys that must be present on every event. */
    public static final List<String> REQUIRED = List.of(ACTOR_ID, ACTOR_ROLES, SCHOOL_ID, CORRELATION_ID, CAUSATION_ID);

    private AuditMetadata() {
    }
}
