package uk.schoolsocial.incident.casefile.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/** The details a step of handling needs (INC-3 to INC-6), collected so every gap is named at once. */
public final class StepDetails {

    /** How far ahead of our clock a reporter's clock may be before "when" counts as the future. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final String step;
    private final List<FieldError> errors = new ArrayList<>();

    private StepDetails(String step) {
        this.step = step;
    }

    public static StepDetails of(String step) {
        return new StepDetails(step);
    }

    public StepDetails require(String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "must be given"));
        }
        return this;
    }

    public StepDetails requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        }
        return this;
    }

    public StepDetails check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public void orRefuse() {
        if (!errors.isEmpty()) {
            throw new DomainException(IncidentError.INCOMPLETE_DETAILS,
                    "The " + step + " is incomplete: " + errors.stream().map(FieldError::field).toList(), errors);
        }
    }

    public static String tidy(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
