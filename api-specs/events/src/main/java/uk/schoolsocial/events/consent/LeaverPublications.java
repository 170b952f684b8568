package uk.schoolsocial.events.consent;

/** CON-6: what a school does, per channel, with the registered publications of a pupil who leaves. */
public enum LeaverPublications {
    /** Each publication featuring the leaver is listed for someone to review: keep it, or take it down. */
    REVIEW,
    /** A takedown opens for each publication featuring the leaver, as a withdrawal opens one (CON-3). */
    TAKE_DOWN
}
