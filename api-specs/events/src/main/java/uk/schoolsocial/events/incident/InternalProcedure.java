package uk.schoolsocial.events.incident;

/**
 * The school's own procedure for an internally routed incident, decided by who posted it (INC-3,
 * seeds 000 and 003): a pupil under the behaviour policy, staff under the code of conduct or
 * disciplinary procedure, a parent asked to remove the post and invited to discuss it, then the
 * complaints procedure.
 */
public enum InternalProcedure {
    BEHAVIOUR_POLICY, CODE_OF_CONDUCT, ASK_TO_REMOVE_THEN_COMPLAINTS
}
