package uk.schoolsocial.events.consent;

/**
 * Why a registered publication is to come down for one pupil.
 */
public enum TakedownCause {
    /** CON-3: consent for the publication's channel was withdrawn. */
    CONSENT_WITHDRAWN,
    /** CON-2: the pupil objected to being photographed or filmed, which covers every channel. */
    PUPIL_OBJECTED,
    /** CON-6: the pupil left, and the school takes down their publications on that channel (or decided so on review). */
    PUPIL_LEFT
}
