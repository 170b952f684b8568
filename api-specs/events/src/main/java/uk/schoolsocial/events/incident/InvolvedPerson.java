package uk.schoolsocial.events.incident;

/**
 * Someone involved in an incident: by role, with the roster id where known and a free
 * description otherwise (INC-1).
 */
public record InvolvedPerson(InvolvedPersonRole role, String rosterId, String description) {
}
