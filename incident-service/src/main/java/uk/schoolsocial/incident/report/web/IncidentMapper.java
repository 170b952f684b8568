package uk.schoolsocial.incident.report.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import uk.schoolsocial.incident.api.model.IncidentAssignedRole;
import uk.schoolsocial.incident.api.model.IncidentCase;
import uk.schoolsocial.incident.api.model.IncidentCategory;
import uk.schoolsocial.incident.api.model.IncidentRecord;
import uk.schoolsocial.incident.api.model.IncidentRoutingReason;
import uk.schoolsocial.incident.api.model.IncidentStatus;
import uk.schoolsocial.incident.api.model.IncidentStatusView;
import uk.schoolsocial.incident.api.model.InvolvedPerson;
import uk.schoolsocial.incident.api.model.InvolvedPersonRole;
import uk.schoolsocial.incident.casefile.query.IncidentView;
import uk.schoolsocial.incident.casefile.query.PersonInvolved;
import uk.schoolsocial.incident.casefile.web.CaseNotesMapper;

/** Read model to API model, cut to what the caller needs to know (INC-7). */
final class IncidentMapper {

    /** The {@code view} discriminators of incident.yaml's {@code IncidentRecord}. */
    private static final String CASE_FILE_VIEW = "CASE_FILE";
    private static final String STATUS_VIEW = "STATUS_ONLY";

    private IncidentMapper() {
    }

    /** {@code now}: the moment the case file's due times are judged at (INC-5). */
    static IncidentRecord toApi(IncidentView view, NeedToKnow sight, Instant now) {
        return sight == NeedToKnow.CASE_FILE ? caseFile(view, now) : status(view);
    }

    static IncidentCase caseFile(IncidentView view, Instant now) {
        IncidentCase api = new IncidentCase(UUID.fromString(view.id()), IncidentStatus.fromValue(view.status()),
                view.version(), view.reporterId(), IncidentCategory.fromValue(view.category()),
                view.occurredAt().atZone(ZoneOffset.UTC), view.platform(),
                view.officialAccountInvolved(), view.peopleInvolved().stream().map(IncidentMapper::person).toList(),
                IncidentAssignedRole.fromValue(view.assignedRole()), IncidentRoutingReason.fromValue(view.routingReason()),
                view.reportedAt().atZone(ZoneOffset.UTC));
        api.setView(CASE_FILE_VIEW);
        // AUD-4: null, and so absent, once the incident's personal data was erased
        api.setWhatHappened(view.whatHappened());
        api.setLocation(view.location());
        CaseNotesMapper.addHandling(api, view, now);
        return api;
    }

    private static IncidentStatusView status(IncidentView view) {
        IncidentStatusView api = new IncidentStatusView(UUID.fromString(view.id()), IncidentStatus.fromValue(view.status()),
                view.reportedAt().atZone(ZoneOffset.UTC), view.statusChangedAt().atZone(ZoneOffset.UTC));
        api.setView(STATUS_VIEW);
        return api;
    }

    private static InvolvedPerson person(PersonInvolved person) {
        InvolvedPerson api = new InvolvedPerson(InvolvedPersonRole.fromValue(person.role()));
        api.setRosterId(person.rosterId());
        api.setDescription(person.description());
        return api;
    }
}
