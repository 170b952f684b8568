package uk.schoolsocial.platform.notify;

/** Where a notification's delivery stands (issue 12), as its outbox row's {@code delivery_state}. */
public enum DeliveryState {
    /** Waiting for its first attempt or a retry at {@code next_attempt_at}. */
    PENDING,
    /** Accepted by the SMTP server for every address of its role. */
    SENT,
    /** No SMTP host is configured (a development run): written to the log instead, without personal data. */
    LOGGED,
    /** Every attempt failed ({@code smp.notifications.max-attempts}); parked, see {@code last_error}. */
    FAILED
}
