package uk.schoolsocial.account.official.web;

import java.time.ZoneOffset;
import java.util.UUID;
import uk.schoolsocial.account.api.model.AccountDecision;
import uk.schoolsocial.account.api.model.AccountDecisionType;
import uk.schoolsocial.account.api.model.AccountStatus;
import uk.schoolsocial.account.api.model.OfficialAccount;
import uk.schoolsocial.account.api.model.PolicyVersion;
import uk.schoolsocial.account.api.model.Platform;
import uk.schoolsocial.account.api.model.Privacy;
import uk.schoolsocial.account.official.query.AccountHistoryView;
import uk.schoolsocial.account.official.query.AccountView;
import uk.schoolsocial.account.official.query.PolicyVersionView;

/** Read model to API model. */
final class AccountMapper {

    private AccountMapper() {
    }

    /** ACC-5: a published version of the school's policy. */
    static PolicyVersion toApi(PolicyVersionView view) {
        PolicyVersion version = new PolicyVersion(view.version());
        version.setSummary(view.summary());
        version.setPublishedAt(view.publishedAt().atZone(ZoneOffset.UTC));
        return version;
    }

    static OfficialAccount toApi(AccountView view) {
        OfficialAccount api = new OfficialAccount(UUID.fromString(view.id()), UUID.fromString(view.applicationId()),
                AccountStatus.fromValue(view.status()), view.version(), Platform.fromValue(view.platform()),
                view.handle(), view.displayName(), view.administrators(), Privacy.fromValue(view.privacy()),
                view.aupLink(), view.followersApproved(), view.taggingOff(), view.policyVersion(), view.flagged(),
                view.provisionedAt().atZone(ZoneOffset.UTC));
        api.setWhoMayPost(view.whoMayPost());
        api.setAcknowledged(view.acknowledged());
        api.setTrained(view.trained());
        api.setOutOfDate(view.outOfDate());
        api.setReviewDue(view.reviewDue());
        api.setStatusReason(view.statusReason());
        if (view.wentLiveAt() != null) {
            api.setWentLiveAt(view.wentLiveAt().atZone(ZoneOffset.UTC));
        }
        return api;
    }

    static AccountDecision toApi(AccountHistoryView view) {
        AccountDecision api = new AccountDecision(view.sequence(), AccountDecisionType.fromValue(view.eventType()),
                view.at().atZone(ZoneOffset.UTC));
        api.setActorId(view.actorId());
        api.setDetail(view.detail());
        return api;
    }
}
