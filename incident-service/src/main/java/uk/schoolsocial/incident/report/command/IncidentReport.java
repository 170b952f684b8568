package uk.schoolsocial.incident.report.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.incident.casefile.command.IncidentError;
import uk.schoolsocial.incident.casefile.command.StepDetails;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/** INC-1: what a complete report needs, checked all at once so every gap is named. */
final class IncidentReport {

    /**
     * The longest narrative kept: 102,400 characters (Unicode code points, as incident.yaml's
     * {@code maxLength} counts them), so an emoji counts once, not as its two UTF-16 units.
     */
    static final int MAX_NARRATIVE = 102_400;

    private IncidentReport() {
    }

    static void check(ReportIncidentCommand command, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (command.category() == null) {
            errors.add(new FieldError("category", "must be given"));
        }
        requireText(errors, "whatHappened", command.whatHappened());
        if (command.whatHappened() != null && characters(command.whatHappened()) > MAX_NARRATIVE) {
            errors.add(new FieldError("whatHappened", "must be at most " + MAX_NARRATIVE + " characters"));
        }
        if (command.occurredAt() == null) {
            errors.add(new FieldError("occurredAt", "must be given"));
        } else if (command.occurredAt().isAfter(now.plus(StepDetails.CLOCK_SKEW))) {
            errors.add(new FieldError("occurredAt", "must not be in the future"));
        }
        requireText(errors, "platform", command.platform());
        requireText(errors, "location", command.location());
        if (command.officialAccountInvolved() == null) {
            errors.add(new FieldError("officialAccountInvolved", "must be given"));
        }
        checkPeople(errors, command.peopleInvolved());
        if (!errors.isEmpty()) {
            throw new DomainException(IncidentError.INCOMPLETE_REPORT,
                    "The report is incomplete: " + errors.stream().map(FieldError::field).toList(), errors);
        }
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    private static void checkPeople(List<FieldError> errors, List<InvolvedPerson> people) {
        if (people == null || people.isEmpty()) {
            errors.add(new FieldError("peopleInvolved", "name at least one person involved (UNKNOWN if not known)"));
            return;
        }
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i) == null || people.get(i).role() == null) {
                errors.add(new FieldError("peopleInvolved[" + i + "].role", "must be given"));
            }
        }
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        }
    }
}
