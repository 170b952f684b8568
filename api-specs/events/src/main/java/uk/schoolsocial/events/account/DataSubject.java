package uk.schoolsocial.events.account;

/** Whose personal data a subject access request (AUD-4) asks for: a pupil, a parent or a member of staff. */
public enum DataSubject {
    PUPIL,
    PARENT,
    STAFF
}
