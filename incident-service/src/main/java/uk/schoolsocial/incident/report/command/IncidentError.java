package uk.schoolsocial.incident.report.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why an incident command was refused. */
public enum IncidentError implements ErrorCode {
    /** INC-1: the report is incomplete or invalid; every bad field is named. */
    INCOMPLETE_REPORT(ErrorKind.INVALID);

    private final ErrorKind kind;

    IncidentError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
