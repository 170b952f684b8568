package uk.schoolsocial.consent.consent.command;

/**
 * What one roster entry changed (CON-6).
 *
 * @param version the pupil record's version after the entry
 * @param changed whether the entry added any event
 * @param left    whether this entry recorded the pupil's leaving
 * @param added   whether the pupil was new to the roster
 */
public record RosterOutcome(long version, boolean changed, boolean left, boolean added) {
}
