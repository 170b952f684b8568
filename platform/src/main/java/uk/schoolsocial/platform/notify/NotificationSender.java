package uk.schoolsocial.platform.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains every notification outbox of the service (issue 12: INC-2 and the alerts of the other
 * rules) by e-mail to the role's mailboxes at the school ({@link RoleMailboxes}). Runs every
 * {@code smp.notifications.interval} on each instance; a claim makes one instance send each
 * notification. A failure (SMTP down, no mailbox configured for the role) is retried with doubling
 * back-off from {@code first-retry} up to {@code max-retry}, and parked as FAILED after
 * {@code max-attempts}; {@code attempts}, {@code last_error} and {@code delivery_state} are the
 * row's visible state. At least once: a crash between sending and marking sends again.
 */
@Singleton
class NotificationSender {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

    private final List<NotificationOutboxTable> outboxes;
    private final OutboxRows rows;
    private final RoleMailboxes mailboxes;
    private final MailTransport transport;
    private final NotificationProperties properties;
    private final MeterRegistry registry;

    NotificationSender(List<NotificationOutboxTable> outboxes, OutboxRows rows, RoleMailboxes mailboxes,
                       MailTransport transport, NotificationProperties properties, MeterRegistry registry) {
        this.registry = registry;
        this.outboxes = outboxes;
        this.rows = rows;
        this.mailboxes = mailboxes;
        this.transport = transport;
        this.properties = properties;
    }

    @Scheduled(initialDelay = "${smp.notifications.interval:2s}", fixedDelay = "${smp.notifications.interval:2s}")
    void run() {
        for (NotificationOutboxTable outbox : outboxes) {
            try {
                drain(outbox);
            } catch (SQLException e) {
                LOG.warn("Could not read the notification outbox {} ({}); retried at the next interval",
                        outbox.name(), e.getClass().getSimpleName());
            }
        }
    }

    /** Sends what is due in {@code outbox}; answers how many were attempted. */
    int drain(NotificationOutboxTable outbox) throws SQLException {
        int attempted = 0;
        for (PendingNotification notification : rows.due(outbox, properties.getBatchSize())) {
            Duration lease = properties.getSmtpTimeout().multipliedBy(3);
            if (!rows.claim(outbox, notification, lease)) {
                continue;
            }
            attempted++;
            attempt(outbox, notification);
        }
        return attempted;
    }

    private void attempt(NotificationOutboxTable outbox, PendingNotification notification) throws SQLException {
        int attempts = notification.attempts() + 1;
        String error;
        try {
            List<String> addresses = mailboxes.of(notification.schoolId(), notification.recipientRole());
            if (addresses.isEmpty() && transport.configured()) {
                error = "No mailbox configured for " + notification.recipientRole() + " at this school";
            } else {
                DeliveryState state = transport.send(notification, addresses);
                rows.delivered(outbox, notification.id(), state);
                count(outbox, state.name());
                return;
            }
        } catch (SendFailedException e) {
            // the server refused an address: name no address, they are personal data
            error = "SMTP refused the message or an address";
        } catch (MessagingException | RuntimeException e) {
            error = "SMTP unavailable (" + e.getClass().getSimpleName() + ")";
        }
        if (attempts >= properties.getMaxAttempts()) {
            rows.park(outbox, notification.id(), error);
            count(outbox, DeliveryState.FAILED.name());
            LOG.warn("Notification {} parked after {} attempts: {}", notification.id(), attempts, error);
        } else {
            Duration wait = properties.backOff(attempts);
            rows.retryLater(outbox, notification.id(), wait, error);
            count(outbox, "RETRY");
            LOG.info("Notification {} not sent (attempt {}): {}; retried in {}", notification.id(), attempts, error, wait);
        }
    }

    /**
     * {@code smp_notifications_attempts_total{outbox,outcome}} (issue 14): each attempt's outcome:
     * the state it reached ({@code SENT}, {@code LOGGED}, {@code FAILED} once parked) or {@code RETRY}.
     */
    private void count(NotificationOutboxTable outbox, String outcome) {
        Counter.builder("smp.notifications.attempts").description("E-mail notification attempts by outbox and outcome")
                .tag("outbox", outbox.name()).tag("outcome", outcome.toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
    }
}
