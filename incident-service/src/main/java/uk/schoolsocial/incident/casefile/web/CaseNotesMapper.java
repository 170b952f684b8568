package uk.schoolsocial.incident.casefile.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.UUID;
import uk.schoolsocial.incident.api.model.IncidentAssessmentRoute;
import uk.schoolsocial.incident.api.model.IncidentAssignedRole;
import uk.schoolsocial.incident.api.model.IncidentCase;
import uk.schoolsocial.incident.api.model.IncidentClosure;
import uk.schoolsocial.incident.api.model.IncidentEscalation;
import uk.schoolsocial.incident.api.model.IncidentEscalationBody;
import uk.schoolsocial.incident.api.model.IncidentEvidenceItem;
import uk.schoolsocial.incident.api.model.IncidentHistoryEntry;
import uk.schoolsocial.incident.api.model.IncidentInternalProcedure;
import uk.schoolsocial.incident.api.model.IncidentSeverity;
import uk.schoolsocial.incident.api.model.IncidentTakedown;
import uk.schoolsocial.incident.api.model.IncidentTakedownAddressee;
import uk.schoolsocial.incident.api.model.IncidentTakedownState;
import uk.schoolsocial.incident.api.model.InvolvedPersonRole;
import uk.schoolsocial.incident.casefile.query.CaseNotes;
import uk.schoolsocial.incident.casefile.query.IncidentView;

/** The handling parts of a case file (INC-3 to INC-6) and its history, to the API model. */
public final class CaseNotesMapper {

    private CaseNotesMapper() {
    }

    /** {@code now}: the moment a takedown's {@code overdue} is judged at (INC-5). */
    public static void addHandling(IncidentCase api, IncidentView view, Instant now) {
        api.setOwnerId(view.ownerId());
        api.setAssessmentDueAt(time(view.assessmentDueAt()));
        api.setAssessmentOverdue(view.assessmentOverdue());
        if (view.assessment() != null) {
            api.setAssessment(assessment(view.assessment()));
        }
        api.setEscalations(view.escalationList().stream().map(CaseNotesMapper::escalation).toList());
        api.setTakedowns(view.takedownList().stream().map(t -> takedown(t, now)).toList());
        // INC-5: the next due time of the incident's open takedown requests, and whether one is overdue.
        api.setTakedownDueAt(time(view.takedownList().stream()
                .filter(t -> "REQUESTED".equals(t.state()) && t.dueAt() != null)
                .map(CaseNotes.Takedown::dueAt).min(Comparator.naturalOrder()).orElse(null)));
        api.setTakedownOverdue(view.takedownList().stream().anyMatch(t -> t.overdueAt(now)));
        api.setEvidence(view.evidenceList().stream().map(CaseNotesMapper::evidence).toList());
        if (view.closure() != null) {
            CaseNotes.Closure c = view.closure();
            IncidentClosure closure = new IncidentClosure(c.closedBy(), time(c.closedAt()));
            closure.setOutcome(c.outcome());
            closure.setActionsTaken(c.actionsTaken());
            api.setClosure(closure);
        }
    }

    public static IncidentHistoryEntry history(uk.schoolsocial.incident.casefile.query.HistoryEntry row) {
        IncidentHistoryEntry api = new IncidentHistoryEntry(time(row.at()), row.actorId(), row.actorRoles(), row.what());
        api.setWhy(row.why());
        return api;
    }

    public static IncidentEvidenceItem evidence(CaseNotes.Evidence e) {
        IncidentEvidenceItem api = new IncidentEvidenceItem(UUID.fromString(e.id()), e.mediaType(), e.sizeBytes(), e.sha256(),
                time(e.addedAt()));
        api.setAddedBy(e.addedBy());
        api.setDescription(e.description());
        return api;
    }

    private static uk.schoolsocial.incident.api.model.IncidentAssessment assessment(CaseNotes.Assessment a) {
        var api = new uk.schoolsocial.incident.api.model.IncidentAssessment(a.assessorId(),
                IncidentAssignedRole.fromValue(a.assessorRole()), IncidentSeverity.fromValue(a.severity()), a.safeguarding(),
                a.possiblyIllegal(), InvolvedPersonRole.fromValue(a.posterType()), IncidentAssessmentRoute.fromValue(a.route()),
                time(a.assessedAt()), a.onTime());
        if (a.internalProcedure() != null) {
            api.setInternalProcedure(IncidentInternalProcedure.fromValue(a.internalProcedure()));
        }
        api.setNotes(a.notes());
        return api;
    }

    private static IncidentEscalation escalation(CaseNotes.Escalation e) {
        IncidentEscalation api = new IncidentEscalation(UUID.fromString(e.id()), IncidentEscalationBody.fromValue(e.body()),
                time(e.escalatedAt()), e.escalatedBy(), time(e.recordedAt()));
        api.setExternalReference(e.externalReference());
        api.setDetails(e.details());
        api.setResponse(e.response());
        api.setResponseReference(e.responseReference());
        api.setRespondedAt(time(e.respondedAt()));
        return api;
    }

    public static IncidentTakedown takedown(CaseNotes.Takedown t, Instant now) {
        IncidentTakedown api = new IncidentTakedown(UUID.fromString(t.id()), IncidentTakedownAddressee.fromValue(t.addressee()),
                t.requestedBy(), time(t.requestedAt()), IncidentTakedownState.fromValue(t.state()), t.overdueAt(now));
        api.setDueAt(time(t.dueAt()));
        api.setAddressedTo(t.addressedTo());
        api.setReference(t.reference());
        api.setNote(t.note());
        api.setSettledAt(time(t.settledAt()));
        api.setEscalationSuggestedAt(time(t.escalationSuggestedAt()));
        return api;
    }

    private static ZonedDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC);
    }
}
