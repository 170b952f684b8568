package uk.schoolsocial.incident.casefile.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why an incident command was refused. */
public enum IncidentError implements ErrorCode {
    /** INC-1: the report is incomplete or invalid; every bad field is named. */
    INCOMPLETE_REPORT(ErrorKind.INVALID),
    /** INC-3 to INC-6: a required detail of the step is missing or invalid; every bad field is named. */
    INCOMPLETE_DETAILS(ErrorKind.INVALID),
    /** INC-3: a safeguarding incident is assessed by the DSL. */
    SAFEGUARDING_NEEDS_DSL(ErrorKind.FORBIDDEN),
    /** INC-3: the initial assessment is made once. */
    ALREADY_ASSESSED(ErrorKind.RULE_VIOLATED),
    /** INC-6: a closed incident changes only by being reopened. */
    INCIDENT_CLOSED(ErrorKind.RULE_VIOLATED),
    /** INC-6: reopening needs a closed incident. */
    INCIDENT_NOT_CLOSED(ErrorKind.RULE_VIOLATED),
    /** INC-6: an incident closes after its initial assessment. */
    NOT_ASSESSED(ErrorKind.RULE_VIOLATED),
    /** INC-4: possibly illegal conduct is escalated to the police before the incident closes. */
    POLICE_ESCALATION_REQUIRED(ErrorKind.RULE_VIOLATED),
    /** INC-4: no such escalation on this incident. */
    UNKNOWN_ESCALATION(ErrorKind.NOT_FOUND),
    /** INC-4: the escalation's response is recorded already. */
    ESCALATION_ANSWERED(ErrorKind.RULE_VIOLATED),
    /** INC-5: no such takedown request on this incident. */
    UNKNOWN_TAKEDOWN(ErrorKind.NOT_FOUND),
    /** INC-5: the takedown request was confirmed or abandoned already. */
    TAKEDOWN_SETTLED(ErrorKind.RULE_VIOLATED);

    private final ErrorKind kind;

    IncidentError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
