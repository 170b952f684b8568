package uk.schoolsocial.account.webhook;

import jakarta.inject.Singleton;
import uk.schoolsocial.events.account.AccountClosedEvent;
import uk.schoolsocial.events.account.AccountReinstatedEvent;
import uk.schoolsocial.events.account.AccountSuspendedEvent;
import uk.schoolsocial.events.account.AccountWentLiveEvent;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.HandoverOpenedEvent;
import uk.schoolsocial.events.account.StaffLeavingWithdrawnEvent;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;
import uk.schoolsocial.events.account.StaffMemberRosteredEvent;
import uk.schoolsocial.platform.webhook.WebhookAllowList;
import uk.schoolsocial.platform.webhook.WebhookEvent;
import uk.schoolsocial.platform.webhook.WebhookType;

/**
 * account-service's events that subscribers hear of (INT-1, decision 12): the roster's joiners and
 * leavers (ACC-7), an account going live, suspended, reinstated or closed (ACC-5, ACC-9), handovers
 * (ACC-7). Ids and statuses only: no name, reason or note.
 */
@Singleton
class AccountWebhooks extends WebhookAllowList {

    AccountWebhooks() {
        on(StaffMemberRosteredEvent.class, e -> staff(WebhookType.STAFF_ROSTERED, e.staffId(), "CURRENT"));
        on(StaffMemberLeftEvent.class, e -> staff(WebhookType.STAFF_LEFT, e.staffId(), "LEAVING"));
        on(StaffLeavingWithdrawnEvent.class, e -> staff(WebhookType.STAFF_LEAVING_WITHDRAWN, e.staffId(), "CURRENT"));
        on(AccountWentLiveEvent.class, e -> account(WebhookType.ACCOUNT_LIVE, e.accountId(), "LIVE"));
        on(AccountSuspendedEvent.class, e -> account(WebhookType.ACCOUNT_SUSPENDED, e.accountId(), "SUSPENDED"));
        on(AccountReinstatedEvent.class, e -> account(WebhookType.ACCOUNT_REINSTATED, e.accountId(), e.status()));
        on(AccountClosedEvent.class, e -> account(WebhookType.ACCOUNT_CLOSED, e.accountId(), "CLOSED"));
        on(HandoverOpenedEvent.class, e -> account(WebhookType.HANDOVER_OPENED, e.accountId(), "HANDOVER_OPEN"));
        on(HandoverCompletedEvent.class,
                e -> account(WebhookType.HANDOVER_COMPLETED, e.accountId(), "HANDOVER_COMPLETED"));
    }

    private static WebhookEvent staff(WebhookType type, String staffId, String status) {
        return WebhookEvent.of(type, staffId, status, "/api/v1/staff/" + staffId);
    }

    private static WebhookEvent account(WebhookType type, String accountId, String status) {
        return WebhookEvent.of(type, accountId, status, "/api/v1/accounts/" + accountId);
    }
}
