package uk.schoolsocial.account.webhook;

import jakarta.inject.Singleton;
import java.util.Optional;
import uk.schoolsocial.events.account.AccountClosedEvent;
import uk.schoolsocial.events.account.AccountReinstatedEvent;
import uk.schoolsocial.events.account.AccountSuspendedEvent;
import uk.schoolsocial.events.account.AccountWentLiveEvent;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.HandoverOpenedEvent;
import uk.schoolsocial.events.account.StaffLeavingWithdrawnEvent;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;
import uk.schoolsocial.events.account.StaffMemberRosteredEvent;
import uk.schoolsocial.platform.webhook.WebhookEvent;
import uk.schoolsocial.platform.webhook.WebhookEvents;
import uk.schoolsocial.platform.webhook.WebhookType;

/**
 * account-service's events that subscribers hear of (INT-1, decision 12): the roster's joiners and
 * leavers (ACC-7), an account going live, suspended, reinstated or closed (ACC-5, ACC-9), handovers
 * (ACC-7). Ids and statuses only: no name, reason or note.
 */
@Singleton
class AccountWebhooks implements WebhookEvents {

    @Override
    public Optional<WebhookEvent> of(Object payload) {
        if (payload instanceof StaffMemberRosteredEvent e) {
            return Optional.of(staff(WebhookType.STAFF_ROSTERED, e.staffId(), "CURRENT"));
        }
        if (payload instanceof StaffMemberLeftEvent e) {
            return Optional.of(staff(WebhookType.STAFF_LEFT, e.staffId(), "LEAVING"));
        }
        if (payload instanceof StaffLeavingWithdrawnEvent e) {
            return Optional.of(staff(WebhookType.STAFF_LEAVING_WITHDRAWN, e.staffId(), "CURRENT"));
        }
        if (payload instanceof AccountWentLiveEvent e) {
            return Optional.of(account(WebhookType.ACCOUNT_LIVE, e.accountId(), "LIVE"));
        }
        if (payload instanceof AccountSuspendedEvent e) {
            return Optional.of(account(WebhookType.ACCOUNT_SUSPENDED, e.accountId(), "SUSPENDED"));
        }
        if (payload instanceof AccountReinstatedEvent e) {
            return Optional.of(account(WebhookType.ACCOUNT_REINSTATED, e.accountId(), e.status()));
        }
        if (payload instanceof AccountClosedEvent e) {
            return Optional.of(account(WebhookType.ACCOUNT_CLOSED, e.accountId(), "CLOSED"));
        }
        if (payload instanceof HandoverOpenedEvent e) {
            return Optional.of(account(WebhookType.HANDOVER_OPENED, e.accountId(), "HANDOVER_OPEN"));
        }
        if (payload instanceof HandoverCompletedEvent e) {
            return Optional.of(account(WebhookType.HANDOVER_COMPLETED, e.accountId(), "HANDOVER_COMPLETED"));
        }
        return Optional.empty();
    }

    private static WebhookEvent staff(WebhookType type, String staffId, String status) {
        return WebhookEvent.of(type, staffId, status, "/api/v1/staff/" + staffId);
    }

    private static WebhookEvent account(WebhookType type, String accountId, String status) {
        return WebhookEvent.of(type, accountId, status, "/api/v1/accounts/" + accountId);
    }
}
