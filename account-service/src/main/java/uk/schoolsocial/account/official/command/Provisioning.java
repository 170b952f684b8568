package uk.schoolsocial.account.official.command;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.account.shared.command.NameClashes;
import uk.schoolsocial.account.shared.command.StaffDirectory;
import uk.schoolsocial.account.shared.command.StaffName;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/** ACC-4: what a provisioning needs, checked all at once so every gap is named. */
final class Provisioning {

    private Provisioning() {
    }

    static ApprovedApplications.Approval check(ProvisionAccountCommand command, ApprovedApplications applications,
                                               StaffDirectory roster) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(command.handle())) {
            errors.add(new FieldError("handle", "must not be blank"));
        }
        if (blank(command.displayName())) {
            errors.add(new FieldError("displayName", "must not be blank"));
        }
        if (command.whoMayPost() == null || command.whoMayPost().isEmpty()
                || command.whoMayPost().stream().anyMatch(Provisioning::blank)) {
            errors.add(new FieldError("whoMayPost", "must name at least one administrator, without blanks"));
        }
        if (!isWebLink(command.aupLink())) {
            errors.add(new FieldError("aupLink", "must be an http(s) link to the acceptable use policy"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(AccountError.INVALID_PROVISIONING,
                    "The provisioning is incomplete: " + errors.stream().map(FieldError::field).toList(), errors);
        }
        ApprovedApplications.Approval approval = applications.find(command.schoolId(), command.applicationId())
                .orElseThrow(() -> new DomainException(AccountError.NOT_FOUND, "No such application"));
        if (!approval.approved()) {
            throw new DomainException(AccountError.APPLICATION_NOT_APPROVED, "Only an approved application can be provisioned");
        }
        if (approval.provisioned()) {
            throw new DomainException(AccountError.ALREADY_PROVISIONED, "The application's account is already provisioned");
        }
        command.whoMayPost().stream().map(String::strip).filter(id -> !approval.administrators().contains(id))
                .forEach(id -> errors.add(new FieldError("whoMayPost", id + " is not an administrator of the account")));
        roster.notEligibleAdministrators(command.schoolId(), approval.administrators()).stream().sorted()
                .forEach(id -> errors.add(new FieldError("administrators",
                        id + " is no longer a current member of staff or a registered volunteer")));
        // ACC-3: as the application's names were checked, with the surnames SLT accepted for it
        List<StaffName> staff = roster.currentStaffNames(command.schoolId());
        NameClashes.check(errors, "handle", command.handle(), NameClashes.Kind.HANDLE, staff, approval.acceptedWords());
        NameClashes.check(errors, "displayName", command.displayName(), NameClashes.Kind.DISPLAY_NAME, staff,
                approval.acceptedWords());
        if (!errors.isEmpty()) {
            throw new DomainException(AccountError.PROVISIONING_RULE_BROKEN,
                    "The provisioning breaks account rules: " + NameClashes.withoutNames(errors), errors);
        }
        return approval;
    }

    private static boolean isWebLink(String value) {
        if (blank(value)) {
            return false;
        }
        try {
            URI uri = URI.create(value.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
