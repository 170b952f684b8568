package uk.schoolsocial.events.privacy;

import java.time.Period;

/**
 * How long a kind of record is kept, and from when (AUD-4, UK GDPR Art. 5(1)(e)). These are the
 * suite's defaults; a school may change the period per class. Safeguarding records and allegations
 * about staff are also held by law past these periods (see {@code docs/personal-data.md}).
 */
public enum RetentionClass {
    /** A pupil's roster entry, consents and objections. */
    PUPIL_RECORD(Period.ofYears(1), "the pupil leaves the school",
            "IRMS Information Management Toolkit for Schools: pupil records pass to the next school; "
                    + "consent records are kept for the life of the publication"),
    /** A member of staff's or volunteer's roster entry, training and acknowledgements. */
    STAFF_RECORD(Period.ofYears(6), "the member of staff leaves",
            "IRMS toolkit: personnel file, termination of employment + 6 years"),
    /** An incident's narrative, people involved, evidence and handling. */
    INCIDENT_RECORD(Period.ofYears(6), "the incident is closed",
            "IRMS toolkit: incident reports, date of incident + 6 years (child protection: DOB + 25)"),
    /** A comment, query or complaint logged through an official account and its answer. */
    ACCOUNT_CORRESPONDENCE(Period.ofYears(1), "the message is answered",
            "IRMS toolkit: general correspondence, current year + 1"),
    /** An official account's application, decisions, reviews and closure, with their reasons. */
    ACCOUNT_RECORD(Period.ofYears(6), "the account is closed",
            "IRMS toolkit: management of the school, policies and their implementation, + 6 years"),
    /** A declared relationship between a member of staff and a pupil or family. */
    DECLARATION(Period.ofYears(6), "the member of staff leaves",
            "IRMS toolkit: personnel file, termination of employment + 6 years");

    private final Period defaultPeriod;
    private final String from;
    private final String source;

    RetentionClass(Period defaultPeriod, String from, String source) {
        this.defaultPeriod = defaultPeriod;
        this.from = from;
        this.source = source;
    }

    /** How long the suite keeps the record unless the school says otherwise. */
    public Period defaultPeriod() {
        return defaultPeriod;
    }

    /** The moment the period runs from. */
    public String from() {
        return from;
    }

    /** Where the default comes from. */
    public String source() {
        return source;
    }
}
