package uk.schoolsocial.incident.report.command;

import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/** The details a step of handling needs (INC-3 to INC-6), collected so every gap is named at once. */
final class StepDetails {

    private final String step;
    private final List<FieldError> errors = new ArrayList<>();

    private StepDetails(String step) {
        this.step = step;
    }

    static StepDetails of(String step) {
        return new StepDetails(step);
    }

    StepDetails require(String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "must be given"));
        }
        return this;
    }

    StepDetails requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        }
        return this;
    }

    StepDetails check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    void orRefuse() {
        if (!errors.isEmpty()) {
            throw new DomainException(IncidentError.INCOMPLETE_DETAILS,
                    "The " + step + " is incomplete: " + errors.stream().map(FieldError::field).toList(), errors);
        }
    }

    static String tidy(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
