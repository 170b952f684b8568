package uk.schoolsocial.events.privacy;

/** Whose personal data a field is, as the record of processing lists it (AUD-4, UK GDPR Art. 30). */
public enum Whose {
    PUPIL,
    PARENT,
    STAFF,
    /** Someone outside the school community: a member of the public, a platform's user. */
    THIRD_PARTY
}
