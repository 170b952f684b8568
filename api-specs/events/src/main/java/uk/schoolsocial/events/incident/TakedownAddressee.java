package uk.schoolsocial.events.incident;

/** Who is asked to remove a post (INC-5): the person who posted it, or the platform. */
public enum TakedownAddressee {
    PERSON, PLATFORM
}
