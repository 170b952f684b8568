package uk.schoolsocial.incident.casefile.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * One incident as it stands, for reads. {@code version} is the aggregate's, the ETag. Holds the
 * whole case file: what a caller may see of it is decided by the web layer (INC-7).
 */
@MappedEntity("incident_view")
public record IncidentView(
        @Id String id,
        String schoolId,
        String status,
        long version,
        String reporterId,
        String category,
        @Nullable String whatHappened,
        Instant occurredAt,
        String platform,
        @Nullable String location,
        boolean officialAccountInvolved,
        @TypeDef(type = DataType.JSON) List<PersonInvolved> peopleInvolved,
        String assignedRole,
        String routingReason,
        Instant reportedAt,
        Instant statusChangedAt,
        @Nullable Instant assessmentDueAt,
        boolean assessmentOverdue,
        @Nullable @TypeDef(type = DataType.JSON) CaseNotes.Assessment assessment,
        @Nullable @TypeDef(type = DataType.JSON) List<CaseNotes.Escalation> escalations,
        @Nullable @TypeDef(type = DataType.JSON) List<CaseNotes.Takedown> takedowns,
        @Nullable @TypeDef(type = DataType.JSON) CaseNotes.Closure closure,
        @Nullable @TypeDef(type = DataType.JSON) List<CaseNotes.Evidence> evidence,
        @Nullable String ownerId) implements VersionedRow {

    /** The same incident at a later version, with what handling (INC-3 to INC-6) changed. */
    IncidentView with(long newVersion, String newStatus, String newAssignedRole, String newOwnerId, Instant changedAt,
                      Instant dueAt, boolean overdue,
                      CaseNotes.Assessment newAssessment, List<CaseNotes.Escalation> newEscalations,
                      List<CaseNotes.Takedown> newTakedowns, CaseNotes.Closure newClosure,
                      List<CaseNotes.Evidence> newEvidence) {
        return new IncidentView(id, schoolId, newStatus, newVersion, reporterId, category, whatHappened, occurredAt,
                platform, location, officialAccountInvolved, peopleInvolved, newAssignedRole, routingReason, reportedAt,
                changedAt, dueAt, overdue, newAssessment, newEscalations, newTakedowns, newClosure, newEvidence,
                newOwnerId);
    }

    /**
     * AUD-4: the same incident with every field that held personal data (those sealed under the
     * incident's key in its events) gone, as a rebuild from its events would give once the key is
     * destroyed.
     */
    IncidentView erased() {
        return new IncidentView(id, schoolId, status, version, reporterId, category, null, occurredAt, platform, null,
                officialAccountInvolved,
                peopleInvolved.stream().map(p -> new PersonInvolved(p.role(), p.rosterId(), null)).toList(),
                assignedRole, routingReason, reportedAt, statusChangedAt, assessmentDueAt, assessmentOverdue,
                assessment == null ? null : new CaseNotes.Assessment(assessment.assessorId(), assessment.assessorRole(),
                        assessment.severity(), assessment.safeguarding(), assessment.possiblyIllegal(),
                        assessment.posterType(), assessment.route(), assessment.internalProcedure(), null,
                        assessment.assessedAt(), assessment.onTime()),
                escalations == null ? null : escalations.stream().map(e -> new CaseNotes.Escalation(e.id(), e.body(),
                        e.escalatedAt(), e.escalatedBy(), e.externalReference(), null, e.recordedAt(), null,
                        e.responseReference(), e.respondedAt())).toList(),
                takedowns == null ? null : takedowns.stream().map(t -> new CaseNotes.Takedown(t.id(), t.addressee(), null,
                        t.reference(), t.requestedBy(), t.requestedAt(), t.state(), null, t.settledAt(),
                        t.escalationSuggestedAt(), t.dueAt())).toList(),
                closure == null ? null : new CaseNotes.Closure(closure.closedBy(), null, null, closure.closedAt()),
                evidence == null ? null : evidence.stream().map(e -> new CaseNotes.Evidence(e.id(), e.mediaType(),
                        e.sizeBytes(), e.sha256(), null, null, e.addedAt())).toList(),
                ownerId);
    }

    public List<CaseNotes.Escalation> escalationList() {
        return escalations == null ? List.of() : escalations;
    }

    public List<CaseNotes.Takedown> takedownList() {
        return takedowns == null ? List.of() : takedowns;
    }

    public List<CaseNotes.Evidence> evidenceList() {
        return evidence == null ? List.of() : evidence;
    }
}
