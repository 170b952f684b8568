package uk.schoolsocial.consent.consent.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why a consent command was refused. */
public enum ConsentError implements ErrorCode {
    /** CON-1: a field is missing or the fields contradict each other; every one is named. */
    INVALID_CONSENT(ErrorKind.INVALID),
    /** CON-1: a parent gives consent as themselves, never in another adult's name. */
    NOT_THE_GIVER(ErrorKind.FORBIDDEN),
    /** Another school's record: it does not exist for this caller. */
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
