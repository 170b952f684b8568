package uk.schoolsocial.events.consent;

/** How written consent was given (CON-1). */
public enum ConsentMethod {
    PAPER_FORM, SIGNED_ONLINE
}
