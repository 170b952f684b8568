package uk.schoolsocial.events.incident;

/** Whom an incident is escalated to (INC-4). */
public enum EscalationBody {
    POLICE, PLATFORM, PROFESSIONALS_ONLINE_SAFETY_HELPLINE, LADO, PREVENT
}
