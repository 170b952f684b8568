package uk.schoolsocial.events.privacy;

/** Why the school must keep a record whatever its retention or a request to erase it (AUD-4). */
public enum LegalHoldBasis {
    /** Litigation is in prospect or under way. */
    LITIGATION,
    /** A police, local authority designated officer or regulator's investigation. */
    INVESTIGATION,
    /** An inquiry (for example the Independent Inquiry into Child Sexual Abuse) asked schools to keep records. */
    INQUIRY,
    /** A complaint or appeal that is not yet closed. */
    OPEN_COMPLAINT
}
