package uk.schoolsocial.account.response.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why a command of the response rule (ACC-8) was refused. */
public enum ResponseError implements ErrorCode {
    /** A message or its answer is incomplete or impossible (e.g. received in the future); every bad field is named. */
    INVALID_MESSAGE(ErrorKind.INVALID),
    /** A holiday is incomplete or ends before it starts; every bad entry is named. */
    INVALID_HOLIDAYS(ErrorKind.INVALID),
    /** Only an administrator of the account, or SLT, logs and answers its messages. */
    NOT_AN_ADMINISTRATOR(ErrorKind.FORBIDDEN),
    /** A closed account takes no new messages. */
    INVALID_STATE(ErrorKind.CONFLICT),
    /** A message is answered once. */
    ALREADY_ANSWERED(ErrorKind.CONFLICT),
    /** Another school's account or message, or a message of another account: it does not exist for this caller. */
    NOT_FOUND(ErrorKind.NOT_FOUND);

    private final ErrorKind kind;

    ResponseError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
