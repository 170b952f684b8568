package uk.schoolsocial.account.application.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/** ACC-1: what a complete business case needs, checked all at once so every gap is named. */
final class BusinessCase {

    private BusinessCase() {
    }

    static void check(SubmitApplicationCommand command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.platform() == null) {
            errors.add(new FieldError("platform", "must be given"));
        }
        requireText(errors, "proposedName", command.proposedName());
        requireText(errors, "aim", command.aim());
        requireText(errors, "audience", command.audience());
        requireText(errors, "promotion", command.promotion());
        if (command.privacy() == null) {
            errors.add(new FieldError("privacy", "must be given"));
        }
        requireText(errors, "privacyReason", command.privacyReason());
        List<String> administrators = command.administrators() == null ? List.of() : command.administrators();
        if (administrators.stream().anyMatch(a -> a == null || a.isBlank())) {
            errors.add(new FieldError("administrators", "must not contain blank ids"));
        } else if (new HashSet<>(administrators).size() < 2) {
            errors.add(new FieldError("administrators", "at least two different administrators are required"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(ApplicationError.INCOMPLETE_BUSINESS_CASE,
                    "The business case is incomplete: " + errors.stream().map(FieldError::field).toList(), errors);
        }
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        }
    }
}
