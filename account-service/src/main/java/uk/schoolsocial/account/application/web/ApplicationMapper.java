package uk.schoolsocial.account.application.web;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import uk.schoolsocial.account.api.model.AcceptedNameClash;
import uk.schoolsocial.account.api.model.AccountApplication;
import uk.schoolsocial.account.api.model.ApplicationRevision;
import uk.schoolsocial.account.api.model.ApplicationStatus;
import uk.schoolsocial.account.api.model.Platform;
import uk.schoolsocial.account.api.model.Privacy;
import uk.schoolsocial.account.application.query.ApplicationRevisionView;
import uk.schoolsocial.account.application.query.ApplicationView;
import uk.schoolsocial.account.application.query.NameClashAcceptanceView;

/** Read model to API model. The text of an erased application is null and so absent (AUD-4). */
final class ApplicationMapper {

    private ApplicationMapper() {
    }

    static AccountApplication toApi(ApplicationView view, List<NameClashAcceptanceView> acceptances) {
        AccountApplication api = new AccountApplication(UUID.fromString(view.id()), ApplicationStatus.fromValue(view.status()),
                view.revision(), view.version(), view.applicantId(), Platform.fromValue(view.platform()),
                view.proposedName(), view.administrators(), Privacy.fromValue(view.privacy()),
                view.submittedAt().atZone(ZoneOffset.UTC));
        api.setProposedHandle(view.proposedHandle());
        api.setAim(view.aim());
        api.setAudience(view.audience());
        api.setPromotion(view.promotion());
        api.setPrivacyReason(view.privacyReason());
        if (view.withdrawnAt() != null) {
            api.setWithdrawnAt(view.withdrawnAt().atZone(ZoneOffset.UTC));
            api.setWithdrawalReason(view.withdrawalReason());
        }
        if (view.decidedAt() != null) {
            api.setDecidedBy(view.decidedBy());
            api.setDecisionReason(view.decisionReason());
            api.setDecidedAt(view.decidedAt().atZone(ZoneOffset.UTC));
        }
        if (!acceptances.isEmpty()) {
            api.setNameClashAcceptances(acceptances.stream().map(ApplicationMapper::toApi).toList());
        }
        return api;
    }

    private static AcceptedNameClash toApi(NameClashAcceptanceView view) {
        AcceptedNameClash api = new AcceptedNameClash(view.word(), view.revision(), view.acceptedBy(),
                view.acceptedAt().atZone(ZoneOffset.UTC));
        api.setReason(view.reason());
        return api;
    }

    static ApplicationRevision toApi(ApplicationRevisionView view) {
        ApplicationRevision api = new ApplicationRevision(view.revision(), ApplicationStatus.fromValue(view.status()),
                Platform.fromValue(view.platform()), view.proposedName(), view.administrators(),
                Privacy.fromValue(view.privacy()), view.submittedAt().atZone(ZoneOffset.UTC));
        api.setProposedHandle(view.proposedHandle());
        api.setAim(view.aim());
        api.setAudience(view.audience());
        api.setPromotion(view.promotion());
        api.setPrivacyReason(view.privacyReason());
        if (view.closedAt() != null) {
            api.setClosedBy(view.closedBy());
            api.setClosingReason(view.closingReason());
            api.setClosedAt(view.closedAt().atZone(ZoneOffset.UTC));
        }
        return api;
    }
}
