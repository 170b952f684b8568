package uk.schoolsocial.account.response.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.account.AccountMessageAnswerOverdueEvent;
import uk.schoolsocial.events.account.AccountMessageAnsweredEvent;
import uk.schoolsocial.events.account.AccountMessageLoggedEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/** Keeps {@code account_message_view} (ACC-8). Idempotent: an event at or below the stored version was applied already. */
@Singleton
@ProcessingGroup(AccountMessageProjection.GROUP)
public class AccountMessageProjection {

    public static final String GROUP = "account-messages";
    private final AccountMessageViewRepository views;

    AccountMessageProjection(AccountMessageViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(AccountMessageLoggedEvent e, @SequenceNumber long version) {
        VersionedRows.insertOnce(views, e.messageId(), () -> new AccountMessageView(e.messageId(), e.accountId(),
                e.schoolId(), version, e.type().name(), e.channel().name(), e.summary(), e.receivedAt(), e.loggedBy(),
                e.at(), e.dueAt(), null, null, null));
    }

    @EventHandler
    void on(AccountMessageAnsweredEvent e, @SequenceNumber long version) {
        VersionedRows.update(views, e.messageId(), version,
                v -> v.answered(version, e.answeredBy(), e.answeredAt(), e.answer()));
    }

    /** The breach itself is judged from the times; the event moves the message's version (its ETag) on. */
    @EventHandler
    void on(AccountMessageAnswerOverdueEvent e, @SequenceNumber long version) {
        VersionedRows.update(views, e.messageId(), version, v -> v.at(version));
    }
}
