package uk.schoolsocial.events.consent;

/** CON-6: what the review of a leaver's publication decided. */
public enum ReviewDecision {
    /** The publication stays up. */
    KEEP,
    /** The publication is to come down: a takedown opens for each pupil under review. */
    TAKE_DOWN
}
