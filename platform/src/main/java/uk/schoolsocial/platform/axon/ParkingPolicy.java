package uk.schoolsocial.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.platform.privacy.LogSafe;

/**
 * Decides what happens to an event whose handler failed, for every processing group (issue 11).
 * No answer skips the event:
 * <ul>
 *   <li><b>Retry, never park</b>, when the failure is transient ({@link Transience}: the connection was
 *       lost, a lock wait timed out, a deadlock): the failure is thrown on, the processor rolls the
 *       batch back and retries it with back-off until it goes through.</li>
 *   <li><b>Fail the command</b> when the event is handled by a subscribing processor, in the
 *       transaction of the command that applied it: the command fails, so no event was accepted that a
 *       look-up did not take.</li>
 *   <li><b>Park</b> anything else (a value the read model refuses, a bug): the event's own writes are
 *       rolled back ({@link EventHandlingGuard}), the event goes to the dead-letter queue with the
 *       failure, and the later events of its sequence (its aggregate) are parked behind it, in order.
 *       If its writes cannot be rolled back, it is not parked but retried.</li>
 *   <li><b>Keep parked</b> an event that fails again when an operator retries it.</li>
 * </ul>
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(ParkingPolicy.class);

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        EventMessage<?> event = letter.message();
        if (letter instanceof JdbcDeadLetter<?>) {
            LOG.warn("Parked event {} ({}) failed again when retried; it stays parked: {}", event.getIdentifier(),
                    event.getPayloadType().getSimpleName(), ProcessorFailures.Failure.describe(cause));
            return Decisions.requeue(ThrowableCause.truncated(LogSafe.redacted(cause)));
        }
        if (!(event instanceof TrackedEventMessage) || Transience.isTransient(cause)) {
            throw Sneaky.<RuntimeException>rethrow(cause);
        }
        String processor;
        try {
            processor = EventHandlingGuard.rollBackEvent(event);
        } catch (RuntimeException cannotUndo) {
            cause.addSuppressed(cannotUndo);
            throw Sneaky.<RuntimeException>rethrow(cause);
        }
        LOG.error("Processor {} parked event {} ({}, aggregate {}): {}. Later events of its aggregate wait behind it;"
                        + " /health is DOWN until it is retried (docs/operations.md).", processor, event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "none",
                ProcessorFailures.Failure.describe(cause), LogSafe.redacted(cause));
        // The dead-letter row keeps the failure without the values it quotes (AUD-4: they may be personal).
        return Decisions.enqueue(ThrowableCause.truncated(LogSafe.redacted(cause)));
    }

    /** Throws a checked exception unchanged, so the processor and the command see the handler's own failure. */
    private static final class Sneaky {
        @SuppressWarnings("unchecked")
        static <T extends Throwable> T rethrow(Throwable t) throws T {
            throw (T) t;
        }
    }
}
