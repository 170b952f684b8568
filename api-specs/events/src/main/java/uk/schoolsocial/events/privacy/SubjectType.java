package uk.schoolsocial.events.privacy;

/**
 * Whose key seals a personal field (AUD-4). A person's own data (a pupil's name, a member of
 * staff's name) is sealed under that person's key; free text that may name several people (an
 * incident narrative, a logged comment, a declared relationship) is sealed under the key of the
 * record it belongs to, which is destroyed when the record's retention ends or when the person it is
 * about is erased and no hold applies.
 */
public enum SubjectType {
    /** A pupil on the consent roster, by pupil id. */
    PUPIL(true),
    /** An adult with parental responsibility, by the id the MIS gives them. */
    PARENT(true),
    /** A member of staff or volunteer on the staff roster, by staff id. */
    STAFF(true),
    /** One incident's narrative and the people described in it, by incident id. */
    INCIDENT(false),
    /** One comment, query or complaint logged through an official account (ACC-8), by message id. */
    ACCOUNT_MESSAGE(false),
    /** One declared relationship between a member of staff and a pupil or family (ACC-10), by its id. */
    DECLARATION(false),
    /** One application for an official account: its purpose, audience and the reasons of its decision (ACC-1, ACC-2). */
    APPLICATION(false),
    /** One official account: the reasons and notes of its suspension, review, closure (ACC-6, ACC-9). */
    ACCOUNT(false),
    /** One registered publication of pupils' images: the note of its take-down (CON-3). */
    PUBLICATION(false),
    /**
     * One subject access request (AUD-4, UK GDPR Art. 15) and what was said in handling it, by request
     * id: who asked on the subject's behalf, why it was extended.
     */
    SUBJECT_ACCESS_REQUEST(false);

    private final boolean person;

    SubjectType(boolean person) {
        this.person = person;
    }

    /** Whether this is a person (who may ask for access or erasure) rather than a record about people. */
    public boolean isPerson() {
        return person;
    }
}
