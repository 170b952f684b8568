package uk.schoolsocial.account.roster.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why a roster command was refused. */
public enum RosterError implements ErrorCode {
    /** A record is incomplete or repeated; every bad field is named. */
    INVALID_RECORD(ErrorKind.INVALID),
    /** The id already belongs to a member of the other kind (staff or volunteer). */
    ID_TAKEN(ErrorKind.CONFLICT);

    private final ErrorKind kind;

    RosterError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
