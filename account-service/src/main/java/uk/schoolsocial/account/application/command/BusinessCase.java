package uk.schoolsocial.account.application.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.schoolsocial.account.shared.command.NameClashes;
import uk.schoolsocial.account.shared.command.StaffDirectory;
import uk.schoolsocial.account.shared.command.StaffName;
import uk.schoolsocial.account.shared.command.StaffNames;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/** ACC-1: what a complete business case needs, checked all at once so every gap is named. */
final class BusinessCase {

    private BusinessCase() {
    }

    static void check(ProposedCase proposal) {
        List<FieldError> errors = new ArrayList<>();
        if (proposal.platform() == null) {
            errors.add(new FieldError("platform", "must be given"));
        }
        requireText(errors, "proposedName", proposal.proposedName());
        requireText(errors, "aim", proposal.aim());
        requireText(errors, "audience", proposal.audience());
        requireText(errors, "promotion", proposal.promotion());
        if (proposal.privacy() == null) {
            errors.add(new FieldError("privacy", "must be given"));
        }
        requireText(errors, "privacyReason", proposal.privacyReason());
        List<String> administrators = proposal.administrators() == null ? List.of() : proposal.administrators();
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
     * ACC-3: only SLT accepts a surname clash, and each acceptance names its word and gives a
     * reason within bounds; checked before the roster, as the web layer checks it too.
     */
    static List<NameClashAcceptance> acceptances(ProposedCase proposal) {
        List<NameClashAcceptance> acceptances = proposal.nameClashAcceptances() == null ? List.of()
                : proposal.nameClashAcceptances();
        if (acceptances.isEmpty()) {
            return acceptances;
        }
        if (!proposal.actorIsSlt()) {
            throw new DomainException(ApplicationError.NAME_CLASH_ACCEPTANCE_NOT_ALLOWED,
                    "Only SLT may accept a clash of the name with a staff surname");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < acceptances.size(); i++) {
            NameClashAcceptance acceptance = acceptances.get(i);
            String at = "nameClashAcceptances[" + i + "].";
            if (acceptance == null) {
                errors.add(new FieldError("nameClashAcceptances[" + i + "]", "must be given"));
                continue;
            }
            requireText(errors, at + "word", acceptance.word());
            requireText(errors, at + "reason", acceptance.reason());
            if (acceptance.word() != null && acceptance.word().strip().length() > NameClashAcceptance.MAX_WORD) {
                errors.add(new FieldError(at + "word", "must be at most " + NameClashAcceptance.MAX_WORD + " characters"));
            }
            if (acceptance.reason() != null && acceptance.reason().strip().length() > NameClashAcceptance.MAX_REASON) {
                errors.add(new FieldError(at + "reason",
                        "must be at most " + NameClashAcceptance.MAX_REASON + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(ApplicationError.INVALID_NAME_CLASH_ACCEPTANCE,
                    "The name clash acceptance is invalid: " + errors.stream().map(FieldError::field).toList(), errors);
        }
        return acceptances;
    }

    /**
     * ACC-1: every administrator is current staff or a registered volunteer. ACC-3: neither the
     * display name nor the handle contains a current staff member's full name, nor a surname that
     * SLT has not accepted for this application ({@code accepted}: earlier revisions' words and
     * this submission's); each word accepted now must be such a surname clash. All in one answer;
     * the message names the fields only, the errors name the clashes (no staff name reaches a log).
     */
    static void checkAgainstRoster(ProposedCase proposal, StaffDirectory roster, Set<String> acceptedBefore,
                                   List<NameClashAcceptance> acceptances) {
        List<FieldError> errors = new ArrayList<>();
        roster.notEligibleAdministrators(proposal.schoolId(), proposal.administrators().stream().map(String::strip).toList())
                .stream().sorted()
                .forEach(id -> errors.add(new FieldError("administrators",
                        id + " is not a current member of staff or a registered volunteer")));
        List<StaffName> staff = roster.currentStaffNames(proposal.schoolId());
        Set<String> clashingSurnames = new HashSet<>();
        NameClashes.in(proposal.proposedName(), NameClashes.Kind.DISPLAY_NAME, staff, Set.of()).forEach(clash ->
                clashingSurnames.add(StaffNames.normalise(clash.word())));
        if (proposal.proposedHandle() != null) {
            NameClashes.in(proposal.proposedHandle(), NameClashes.Kind.HANDLE, staff, Set.of()).forEach(clash ->
                    clashingSurnames.add(StaffNames.normalise(clash.word())));
        }
        Set<String> accepted = new HashSet<>(acceptedBefore);
        for (int i = 0; i < acceptances.size(); i++) {
            String word = acceptances.get(i).word().strip();
            accepted.add(word);
            if (!clashingSurnames.contains(StaffNames.normalise(word))) {
                errors.add(new FieldError("nameClashAcceptances[" + i + "].word",
                        "is not a staff surname that the proposed name or handle contains: " + word));
            }
        }
        NameClashes.check(errors, "proposedName", proposal.proposedName(), NameClashes.Kind.DISPLAY_NAME, staff, accepted);
        NameClashes.check(errors, "proposedHandle", proposal.proposedHandle(), NameClashes.Kind.HANDLE, staff, accepted);
        if (!errors.isEmpty()) {
            throw new DomainException(ApplicationError.ROSTER_RULE_BROKEN,
                    "The application breaks roster rules: " + NameClashes.withoutNames(errors), errors);
        }
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        }
    }
}
