package uk.schoolsocial.account.application.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why an application command was refused. */
public enum ApplicationError implements ErrorCode {
    /** ACC-1: the business case is incomplete; every missing field is named. */
    INCOMPLETE_BUSINESS_CASE(ErrorKind.INVALID),
    /** ACC-2: only the applicant may withdraw. */
    NOT_THE_APPLICANT(ErrorKind.FORBIDDEN),
    /** ACC-2: a decided or withdrawn application cannot be withdrawn. */
    ALREADY_CLOSED(ErrorKind.CONFLICT),
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
