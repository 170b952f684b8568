package uk.schoolsocial.platform.axon;

import uk.schoolsocial.platform.privacy.LogSafe;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * The processors of this instance that are stuck on an event: its handling failed, the batch was
 * rolled back and the processor retries it with back-off (a transient failure, a saga, or anything
 * that could not be parked). Kept in memory, per processor, until a batch with that event commits.
 * The health indicator reports them; the event is named by type, aggregate, sequence and position,
 * never by its payload.
 */
@Singleton
class ProcessorFailures {

    /**
     * A failure not seen again for this long is over: a stuck processor retries at least every
     * minute (Axon's longest back-off), so this one was resolved elsewhere (say another instance took
     * the segment over) without this instance seeing the batch commit.
     */
    static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(3);

    private final Map<String, Failure> failing = new ConcurrentHashMap<>();
    private final Clock clock;

    ProcessorFailures(Clock clock) {
        this.clock = clock;
    }

    /** Handling {@code event} failed in {@code processor}; the batch will be rolled back and retried. */
    void failed(String processor, EventMessage<?> event, Throwable error) {
        Instant now = clock.instant();
        failing.compute(processor, (name, before) -> before != null && before.eventId().equals(event.getIdentifier())
                ? before.again(error, now)
                : Failure.of(name, event, error, now));
    }

    /**
     * A batch of {@code processor} failed outside any one handler (say its commit), or the failure is
     * already recorded by {@link #failed} (the same exception): the first event of the batch stands for it.
     */
    void batchFailed(String processor, List<? extends EventMessage<?>> batch, Throwable error) {
        Failure known = failing.get(processor);
        if (known != null && known.lastError() == error) {
            return;
        }
        // A subscribing processor's failure fails the command that applied the events; nothing is retried.
        if (!batch.isEmpty() && batch.get(0) instanceof TrackedEventMessage) {
            failed(processor, batch.get(0), error);
        }
    }

    /** Whether {@code eventId} is the event {@code processor} is stuck on. */
    boolean isFailing(String processor, String eventId) {
        Failure known = failing.get(processor);
        return known != null && known.eventId().equals(eventId);
    }

    /** A batch of {@code processor} that handled {@code eventId} committed. */
    void passed(String processor, String eventId) {
        failing.computeIfPresent(processor, (name, known) -> known.eventId().equals(eventId) ? null : known);
    }

    /** The failures still going on, oldest first. */
    List<Failure> current() {
        Instant now = clock.instant();
        failing.values().removeIf(f -> f.lastAt().plus(FORGOTTEN_AFTER).isBefore(now));
        return failing.values().stream().sorted(Comparator.comparing(Failure::firstAt)).toList();
    }

    /**
     * @param position the event's position in the stream the processor reads (its global index),
     *                 when known
     */
    record Failure(String processor, String eventId, String eventType, String aggregateId, Long sequenceNumber,
                   Long position, String error, int attempts, Instant firstAt, Instant lastAt,
                   Throwable lastError) {

        static Failure of(String processor, EventMessage<?> event, Throwable error, Instant now) {
            String aggregateId = null;
            Long sequenceNumber = null;
            if (event instanceof DomainEventMessage<?> domain) {
                aggregateId = domain.getAggregateIdentifier();
                sequenceNumber = domain.getSequenceNumber();
            }
            Long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                    ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
            return new Failure(processor, event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregateId,
                    sequenceNumber, position, describe(error), 1, now, now, error);
        }

        Failure again(Throwable error, Instant now) {
            return new Failure(processor, eventId, eventType, aggregateId, sequenceNumber, position, describe(error),
                    attempts + 1, firstAt, now, error);
        }

        /**
         * What the health check and the log show: the failure's class and message, and the root cause's
         * if another, with the values they quote taken out ({@link LogSafe}; AUD-4).
         */
        static String describe(Throwable error) {
            Throwable root = error;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = LogSafe.redact(error.getMessage());
            String rootMessage = LogSafe.redact(root.getMessage());
            String text = error.getClass().getSimpleName() + ": " + message;
            if (root != error && rootMessage != null && (message == null || !message.contains(rootMessage))) {
                text += " (" + root.getClass().getSimpleName() + ": " + rootMessage + ")";
            }
            return text.length() > 1000 ? text.substring(0, 1000) + "..." : text;
        }
    }
}
