package uk.schoolsocial.account.privacy.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why a command of the subject access request register (AUD-4) was refused. */
public enum SubjectAccessError implements ErrorCode {
    /** A field is missing or impossible (a date in the future, a fulfilment before receipt); every one is named. */
    INVALID_SUBJECT_ACCESS_REQUEST(ErrorKind.INVALID),
    /** AUD-4: the time to answer is extended once only. */
    ALREADY_EXTENDED(ErrorKind.RULE_VIOLATED),
    /** AUD-4: an answered request is neither extended nor answered again. */
    ALREADY_FULFILLED(ErrorKind.RULE_VIOLATED),
    /** AUD-4: never more than three months after receipt in all. */
    EXTENSION_TOO_LONG(ErrorKind.RULE_VIOLATED),
    /** Another school's request, or none: it does not exist for this caller. */
    NOT_FOUND(ErrorKind.NOT_FOUND);

    private final ErrorKind kind;

    SubjectAccessError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
