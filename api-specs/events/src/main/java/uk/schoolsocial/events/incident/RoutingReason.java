package uk.schoolsocial.events.incident;

/**
 * Why an incident went to its {@link AssignedRole} (INC-2), so the trail shows the rule and not
 * only the outcome.
 */
public enum RoutingReason {
    /** A pupil's contact or friend request to staff: straight to the DSL. */
    PUPIL_CONTACT_WITH_STAFF,
    /** A safeguarding concern (Prevent, or bullying or an image without consent involving a pupil): the DSL. */
    SAFEGUARDING_CONCERN,
    /** A report about a member of staff: the headteacher (SLT). */
    ABOUT_STAFF,
    /** Anything else: senior leadership (SLT). */
    GENERAL
}
