package uk.schoolsocial.events.incident;

/** How a person is part of the school community, for an incident (INC-1). */
public enum InvolvedPersonRole {
    PUPIL, STAFF, PARENT, GOVERNOR, THIRD_PARTY, UNKNOWN
}
