package uk.schoolsocial.incident.report.query;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * INC-2: what a real sender (e-mail, push) uses. It drains undelivered notifications oldest first
 * and marks each delivered once the sender accepted it; a sender that throws leaves the rest for
 * the next drain (at least once).
 */
@Singleton
public class NotificationOutbox {

    private final NotificationRepository outbox;
    private final Clock clock;

    NotificationOutbox(NotificationRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Hands up to {@code limit} undelivered notifications to {@code sender}; answers how many it took. */
    public int drain(int limit, Consumer<Notification> sender) {
        List<Notification> waiting = outbox.undelivered(limit);
        for (Notification notification : waiting) {
            sender.accept(notification);
            outbox.updateDeliveredAt(notification.id(), clock.instant());
        }
        return waiting.size();
    }
}
