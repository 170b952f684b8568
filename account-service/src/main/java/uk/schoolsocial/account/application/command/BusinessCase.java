package uk.schoolsocial.account.application.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import uk.schoolsocial.account.roster.command.StaffDirectory;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/** ACC-1: what a complete business case needs, checked all at once so every gap is named. */
final class BusinessCase {

    private BusinessCase() {
    }

    static void check(ProposedCase command) {
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

    /**
     * ACC-1: every administrator is current staff or a registered volunteer. ACC-3: neither the
     * display name nor the handle contains a current staff member's name. All clashes in one answer.
     */
    static void checkAgainstRoster(ProposedCase command, StaffDirectory roster) {
        List<FieldError> errors = new ArrayList<>();
        roster.notEligibleAdministrators(command.schoolId(), command.administrators().stream().map(String::strip).toList())
                .stream().sorted()
                .forEach(id -> errors.add(new FieldError("administrators",
                        id + " is not a current member of staff or a registered volunteer")));
        roster.staffNameIn(command.schoolId(), command.proposedName()).ifPresent(name -> errors.add(
                new FieldError("proposedName", "contains the name of a member of staff: " + name)));
        if (command.proposedHandle() != null) {
            roster.staffNameIn(command.schoolId(), command.proposedHandle()).ifPresent(name -> errors.add(
                    new FieldError("proposedHandle", "contains the name of a member of staff: " + name)));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(ApplicationError.ROSTER_RULE_BROKEN,
                    "The application breaks roster rules: " + errors.stream().map(FieldError::message).toList(), errors);
        }
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        }
    }
}
