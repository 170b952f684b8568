package uk.schoolsocial.incident.casefile.query;

import java.util.Locale;
import uk.schoolsocial.events.incident.AssessmentOverdueEvent;
import uk.schoolsocial.events.incident.AssessmentTargetSetEvent;
import uk.schoolsocial.events.incident.EscalationBody;
import uk.schoolsocial.events.incident.EscalationRecordedEvent;
import uk.schoolsocial.events.incident.EscalationResponseRecordedEvent;
import uk.schoolsocial.events.incident.EvidenceAddedEvent;
import uk.schoolsocial.events.incident.IncidentAssessedEvent;
import uk.schoolsocial.events.incident.IncidentClosedEvent;
import uk.schoolsocial.events.incident.IncidentReassignedEvent;
import uk.schoolsocial.events.incident.IncidentReopenedEvent;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.TakedownAbandonedEvent;
import uk.schoolsocial.events.incident.TakedownConfirmedEvent;
import uk.schoolsocial.events.incident.TakedownEscalationSuggestedEvent;
import uk.schoolsocial.events.incident.TakedownRequestedEvent;

/**
 * INC-6: each event of a case as a sentence a governor or inspector can read. Free text a person
 * wrote (narrative, notes) stays in the case file; the history says what was decided.
 */
final class HistoryWords {

    /** What happened, and why where the event itself records a reason. */
    record Words(String what, String why) {
    }

    private HistoryWords() {
    }

    static Words of(Object event) {
        if (event instanceof IncidentReportedEvent e) {
            return new Words("Reported a " + words(e.category()) + " incident on "
                    + e.platform() + "; routed to the " + e.assignedRole(), "Routing rule: " + words(e.routingReason()));
        }
        if (event instanceof EvidenceAddedEvent e) {
            return new Words("Added evidence: " + e.mediaType() + ", " + e.sizeBytes() + " bytes, SHA-256 "
                    + e.sha256(), null);
        }
        if (event instanceof AssessmentTargetSetEvent e) {
            return new Words("Initial assessment due by " + e.dueAt(), null);
        }
        if (event instanceof AssessmentOverdueEvent e) {
            return new Words("Initial assessment overdue: it was due by " + e.dueAt(), null);
        }
        if (event instanceof IncidentAssessedEvent e) {
            return new Words("Assessed: severity " + words(e.severity())
                    + ", safeguarding " + yesNo(e.safeguarding()) + ", possibly illegal " + yesNo(e.possiblyIllegal())
                    + ", posted by " + words(e.posterType()) + ", route " + words(e.route())
                    + (e.internalProcedure() == null ? "" : " (" + words(e.internalProcedure()) + ")")
                    + (e.onTime() ? "" : "; after the target time"), e.notes());
        }
        if (event instanceof EscalationRecordedEvent e) {
            return new Words("Escalated to " + body(e.body()) + " at " + e.escalatedAt()
                    + reference(e.externalReference()), e.details());
        }
        if (event instanceof EscalationResponseRecordedEvent e) {
            return new Words("Recorded the response to escalation "
                    + e.escalationId() + reference(e.externalReference()), e.response());
        }
        if (event instanceof TakedownRequestedEvent e) {
            return new Words("Asked " + (e.addressee().name().equals("PLATFORM")
                    ? "the platform " : "the person ") + erasable(e.addressedTo()) + " to remove the post"
                    + reference(e.reference()) + (e.dueAt() == null ? "" : "; due by " + e.dueAt()), null);
        }
        if (event instanceof TakedownEscalationSuggestedEvent e) {
            return new Words("No answer from the platform to takedown request "
                    + e.takedownId() + "; escalation to " + body(e.suggestedBody()) + " suggested", null);
        }
        if (event instanceof TakedownConfirmedEvent e) {
            return new Words("Confirmed the post removed (takedown request "
                    + e.takedownId() + ")", e.note());
        }
        if (event instanceof TakedownAbandonedEvent e) {
            return new Words("Abandoned takedown request " + e.takedownId(), e.reason());
        }
        if (event instanceof IncidentClosedEvent e) {
            return new Words("Closed with outcome: " + erasable(e.outcome()) + "; actions taken: "
                    + erasable(e.actionsTaken()), null);
        }
        if (event instanceof IncidentReassignedEvent e) {
            return new Words("Reassigned to the " + e.toRole() + ": its owner " + e.fromOwnerId()
                    + " left the school", null);
        }
        if (event instanceof IncidentReopenedEvent e) {
            return new Words("Reopened", e.reason());
        }
        return new Words("Recorded " + event.getClass().getSimpleName(), null);
    }

    /** AUD-4: a sealed field reads as null once erased. */
    private static String erasable(String text) {
        return text == null ? "(erased)" : text;
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** INC-4: an outside body by its name. */
    private static String body(EscalationBody body) {
        return switch (body) {
            case POLICE -> "the police";
            case PLATFORM -> "the platform";
            case PROFESSIONALS_ONLINE_SAFETY_HELPLINE -> "the Professionals Online Safety Helpline";
            case LADO -> "the local authority designated officer";
            case PREVENT -> "Prevent";
        };
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String reference(String reference) {
        return reference == null ? "" : ", reference " + reference;
    }
}
