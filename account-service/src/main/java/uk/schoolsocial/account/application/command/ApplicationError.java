package uk.schoolsocial.account.application.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why an application command was refused. */
public enum ApplicationError implements ErrorCode {
    /** ACC-1: the business case is incomplete; every missing field is named. */
    INCOMPLETE_BUSINESS_CASE(ErrorKind.INVALID),
    /**
     * ACC-1: an administrator is not current staff or a registered volunteer; ACC-3: the name or
     * handle contains a staff member's full name or (not accepted by SLT) surname, or an accepted
     * word is not a surname clash of it. Every clash is named.
     */
    ROSTER_RULE_BROKEN(ErrorKind.RULE_VIOLATED),
    /** ACC-3: only SLT may accept a clash of the proposed name or handle with a staff surname. */
    NAME_CLASH_ACCEPTANCE_NOT_ALLOWED(ErrorKind.FORBIDDEN),
    /** ACC-3: an accepted clash names its word and has a reason, each within its length. */
    INVALID_NAME_CLASH_ACCEPTANCE(ErrorKind.INVALID),
    /** ACC-2: a decision needs a reason, either way. */
    REASON_REQUIRED(ErrorKind.INVALID),
    /** ACC-2: only the applicant may withdraw or resubmit. */
    NOT_THE_APPLICANT(ErrorKind.FORBIDDEN),
    /** ACC-2: no one decides their own application. */
    OWN_APPLICATION(ErrorKind.FORBIDDEN),
    /** ACC-2: a decided or withdrawn application cannot be withdrawn or decided. */
    ALREADY_CLOSED(ErrorKind.CONFLICT),
    /** ACC-2: only a rejected application can be resubmitted. */
    NOT_REJECTED(ErrorKind.CONFLICT),
    /** Another school's application: it does not exist for this caller. */
    NOT_FOUND(ErrorKind.NOT_FOUND);

    private final ErrorKind kind;

    ApplicationError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
