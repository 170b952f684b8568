package uk.schoolsocial.incident.casefile.query;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.privacy.erasure.ErasureHold;
import uk.schoolsocial.platform.privacy.erasure.ErasureScope;
import uk.schoolsocial.platform.privacy.erasure.ErasureSubject;
import uk.schoolsocial.platform.privacy.erasure.SubjectRef;

/**
 * What incident-service holds about a person or an incident (AUD-4). An incident's narrative, the
 * descriptions of the people involved, its notes, escalations, takedowns, closure and evidence are
 * sealed under the incident's own key: erasing a person involved (by roster id) erases the incidents
 * they are involved in, unless the law keeps them:
 * <ul>
 * <li>{@code SAFEGUARDING_RECORD}: an incident the DSL assessed as a safeguarding matter, one whose
 * category is a pupil's contact with staff or extremism or radicalisation whatever its assessment said,
 * or, until it is assessed, one routed to the DSL as a safeguarding concern (INC-2, INC-3), is kept until the
 * pupil's date of birth + 25 years (IRMS Information Management Toolkit for Schools; the Education
 * (Pupil Information) (England) Regulations 2005). The date is known only when the request gives the
 * pupil's date of birth: consent-service holds it, this service does not.</li>
 * <li>{@code STAFF_ALLEGATION}: an allegation about a member of staff's conduct
 * ({@code STAFF_CONDUCT_BREACH}) is kept until their normal retirement age or 10 years from the
 * allegation, whichever is longer (IRMS toolkit; Keeping Children Safe in Education). The suite holds
 * no staff dates of birth: the 10 years are given.</li>
 * </ul>
 * A closed incident expires {@link RetentionClass#INCIDENT_RECORD} after its closure.
 */
@Singleton
public class IncidentErasureScope implements ErasureScope {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    private static final Set<String> SAFEGUARDING_ROUTES = Set.of("SAFEGUARDING_CONCERN", "PUPIL_CONTACT_WITH_STAFF");
    /** Safeguarding matters by their category alone (INC-2), whatever an assessment said. */
    private static final Set<String> SAFEGUARDING_CATEGORIES = Set.of("PUPIL_CONTACT_WITH_STAFF",
            "EXTREMISM_OR_RADICALISATION");
    private static final Set<SubjectType> PEOPLE = Set.of(SubjectType.PUPIL, SubjectType.STAFF, SubjectType.PARENT);

    private final IncidentViewRepository incidents;

    IncidentErasureScope(IncidentViewRepository incidents) {
        this.incidents = incidents;
    }

    @Override
    public List<ErasureHold> holds(ErasureSubject subject, LocalDate today) {
        List<ErasureHold> holds = new ArrayList<>();
        for (IncidentView incident : concerned(subject)) {
            String record = "INCIDENT:" + incident.id();
            if (safeguarding(incident)) {
                LocalDate until = subject.type() == SubjectType.PUPIL || subject.type() == SubjectType.INCIDENT
                        ? Optional.ofNullable(subject.dateOfBirth()).map(born -> born.plusYears(25)).orElse(null) : null;
                if (until == null || !until.isBefore(today)) {
                    holds.add(new ErasureHold("SAFEGUARDING_RECORD", record, until,
                            "a safeguarding or child-protection record is kept until the pupil's date of birth + 25 years"
                                    + " (IRMS toolkit; Education (Pupil Information) (England) Regulations 2005)"
                                    + (until == null ? "; give the pupil's dateOfBirth to know the date" : "")));
                }
            }
            if ("STAFF_CONDUCT_BREACH".equals(incident.category())) {
                LocalDate until = incident.reportedAt().atZone(SCHOOL_ZONE).toLocalDate().plusYears(10);
                if (!until.isBefore(today)) {
                    holds.add(new ErasureHold("STAFF_ALLEGATION", record, until,
                            "an allegation about a member of staff is kept until their normal retirement age or 10 years"
                                    + " from it, whichever is longer (IRMS toolkit; KCSIE); the suite holds no staff dates"
                                    + " of birth, so the 10 years are given: check the retirement age"));
                }
            }
        }
        return holds;
    }

    @Override
    public List<SubjectRef> records(ErasureSubject subject) {
        if (!PEOPLE.contains(subject.type())) {
            return List.of();
        }
        return concerned(subject).stream().map(incident -> new SubjectRef(SubjectType.INCIDENT, incident.id())).toList();
    }

    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        List<String> erased = new ArrayList<>();
        if (subject.type() == SubjectType.INCIDENT) {
            erased.add(subject.subjectId());
        }
        records.stream().filter(ref -> ref.type() == SubjectType.INCIDENT).forEach(ref -> erased.add(ref.id()));
        for (String id : erased) {
            incidents.findByIdAndSchoolId(id, subject.schoolId()).ifPresent(view -> incidents.update(view.erased()));
            incidents.eraseHistory(id, subject.schoolId());
            incidents.eraseEvidence(id, subject.schoolId());
        }
    }

    @Override
    public List<Expiry> expiring(RetentionClass retention, Instant startedBefore) {
        if (retention != RetentionClass.INCIDENT_RECORD) {
            return List.of();
        }
        return incidents.closedBefore(startedBefore).stream()
                .map(incident -> new Expiry(incident.schoolId(), new SubjectRef(SubjectType.INCIDENT, incident.id()),
                        incident.statusChangedAt()))
                .toList();
    }

    /** The incidents the subject is, or is involved in. */
    private List<IncidentView> concerned(ErasureSubject subject) {
        if (subject.type() == SubjectType.INCIDENT) {
            return incidents.findByIdAndSchoolId(subject.subjectId(), subject.schoolId()).stream().toList();
        }
        if (!PEOPLE.contains(subject.type())) {
            return List.of();
        }
        return incidents.involving(subject.schoolId(), subject.type().name(), subject.subjectId());
    }

    /**
     * A pupil's contact with staff and extremism or radicalisation (Prevent) are safeguarding matters
     * by their category (INC-2), whatever the assessment said; otherwise the DSL's assessment decides
     * (INC-3) and, until there is one, the routing to the DSL as a safeguarding concern does.
     */
    private static boolean safeguarding(IncidentView incident) {
        if (SAFEGUARDING_CATEGORIES.contains(incident.category())) {
            return true;
        }
        return incident.assessment() != null ? incident.assessment().safeguarding()
                : SAFEGUARDING_ROUTES.contains(incident.routingReason());
    }
}
