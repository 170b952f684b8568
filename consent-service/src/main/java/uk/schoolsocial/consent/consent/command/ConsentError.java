package uk.schoolsocial.consent.consent.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why a consent command was refused. */
public enum ConsentError implements ErrorCode {
    /** CON-1: a field is missing or the fields contradict each other; every one is named. */
    INVALID_CONSENT(ErrorKind.INVALID),
    /** CON-6: a roster entry that cannot be true, such as a pupil born in the future. */
    INVALID_ROSTER_ENTRY(ErrorKind.INVALID),
    /** CON-1: a parent gives consent as themselves, never in another adult's name. */
    NOT_THE_GIVER(ErrorKind.FORBIDDEN),
    /** CON-1, CON-3: only an adult the roster links to the pupil with parental responsibility decides. */
    NO_PARENTAL_RESPONSIBILITY(ErrorKind.RULE_VIOLATED),
    /** CON-6: a pupil who left gets no new consent. */
    PUPIL_LEFT(ErrorKind.RULE_VIOLATED),
    /** CON-3: there is no standing consent on that channel to withdraw. */
    NO_CONSENT_TO_WITHDRAW(ErrorKind.CONFLICT),
    /** CON-2: the pupil's objection is already recorded. */
    ALREADY_OBJECTED(ErrorKind.CONFLICT),
    /** CON-2: no objection of the pupil stands, so none can be lifted. */
    NO_OBJECTION_TO_LIFT(ErrorKind.CONFLICT),
    /** CON-2: lifting an objection is a decision, recorded with why. */
    REASON_REQUIRED(ErrorKind.INVALID),
    /**
     * Another school's record, a pupil not on the roster (CON-6), or for a parent a pupil the roster
     * does not link them to (CON-1): it does not exist for this caller, and the answer says no more.
     */
    NOT_FOUND(ErrorKind.NOT_FOUND);

    private final ErrorKind kind;

    ConsentError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
