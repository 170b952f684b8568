package uk.schoolsocial.platform.audit;

import java.time.Instant;

/**
 * Which events of one school an auditor asks for. Null fields do not filter.
 *
 * @param schoolId    always the caller's school
 * @param aggregateId one record (application, account, incident, pupil...)
 * @param eventType   the event's simple type name, e.g. {@code ApplicationSubmittedEvent}
 * @param from        occurred at or after
 * @param to          occurred before
 */
public record AuditQuery(String schoolId, String aggregateId, String eventType, Instant from, Instant to) {

    boolean matches(String school, String aggregate, String type, Instant occurredAt) {
        return schoolId.equals(school)
                && (aggregateId == null || aggregateId.equals(aggregate))
                && (eventType == null || eventType.equals(type))
                && (from == null || !occurredAt.isBefore(from))
                && (to == null || occurredAt.isBefore(to));
    }
}
