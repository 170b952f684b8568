package uk.schoolsocial.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Wraps the handling of each event by a streaming processor (issue 11):
 * <ul>
 *   <li>In a processor that parks failed events, it sets a savepoint on the batch's transaction before
 *       the event's handlers run. If the event is parked ({@link ParkingPolicy}), its writes are rolled
 *       back to that savepoint first, so a parked event leaves nothing half applied: a versioned
 *       projection that stored the new version and then failed would otherwise skip the event when it
 *       is retried. The rest of the batch commits. One statement per event.</li>
 *   <li>Likewise the events of commands its handlers sent (a policy's): Axon appends them when the
 *       batch commits, from a queue on the batch's unit of work, so parking drops those queued while
 *       the event was handled; they are sent again when the event is retried.</li>
 *   <li>A failure that leaves the handlers (so the batch rolls back and is retried) is recorded in
 *       {@link ProcessorFailures} against the event, for the health check, and cleared once a batch
 *       with that event commits.</li>
 * </ul>
 * Events of subscribing processors (handled in the command's own transaction, which a failure rolls
 * back whole) and dead letters being retried (each runs in a savepoint of its own) pass untouched.
 */
final class EventHandlingGuard implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String SAVEPOINT = "smp_event";
    private static final String RESOURCE = EventHandlingGuard.class.getName() + ".savepoint";

    private final String processor;
    private final Configuration configuration;
    private final TransactionalConnections connections;
    private final ProcessorFailures failures;
    private volatile Boolean parks;

    EventHandlingGuard(String processor, Configuration configuration, TransactionalConnections connections,
                       ProcessorFailures failures) {
        this.processor = processor;
        this.configuration = configuration;
        this.connections = connections;
        this.failures = failures;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        if (!(event instanceof TrackedEventMessage) || unitOfWork.resources().containsKey(DeadLetter.class.getName())) {
            return interceptorChain.proceed();
        }
        if (parks() && connections.inTransaction()) {
            unitOfWork.resources().put(RESOURCE, savepoint(unitOfWork, event));
        }
        try {
            Object result = interceptorChain.proceed();
            if (failures.isFailing(processor, event.getIdentifier())) {
                String id = event.getIdentifier();
                unitOfWork.root().afterCommit(u -> failures.passed(processor, id));
            }
            return result;
        } catch (Exception | Error e) {
            failures.failed(processor, event, e);
            throw e;
        } finally {
            unitOfWork.resources().remove(RESOURCE);
        }
    }

    /**
     * Undoes the writes of the event being handled in this unit of work, before it is parked.
     *
     * @return the name of the processor handling it
     *
     * @throws IllegalStateException when there is no savepoint for it: it must not be parked then
     */
    static String rollBackEvent(EventMessage<?> event) {
        EventSavepoint savepoint = CurrentUnitOfWork.map(u -> (EventSavepoint) u.getResource(RESOURCE))
                .filter(s -> s.eventId().equals(event.getIdentifier()))
                .orElseThrow(() -> new IllegalStateException("No savepoint for event " + event.getIdentifier()
                        + ": it cannot be parked without keeping what its handlers wrote before failing"));
        try {
            savepoint.connection().rollback(savepoint.savepoint());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not roll back to the savepoint of event " + event.getIdentifier(), e);
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Object queued = batch.getResource(savepoint.queueKey());
        if (queued instanceof List<?> events) {
            events.subList(Math.min(savepoint.queuedBefore(), events.size()), events.size()).clear();
        } else if (queued != null) {
            throw new IllegalStateException("Cannot drop the events of commands sent while handling event "
                    + event.getIdentifier() + ": the event bus keeps them in a " + queued.getClass());
        }
        return savepoint.processor();
    }

    /** Whether the processor's handlers are invoked by a dead-lettering invoker (sagas' are not). */
    private boolean parks() {
        Boolean known = parks;
        if (known == null) {
            known = configuration.eventProcessingConfiguration().eventProcessor(processor)
                    .filter(AbstractEventProcessor.class::isInstance)
                    .map(p -> invokers(((AbstractEventProcessor) p).eventHandlerInvoker())
                            .anyMatch(DeadLetteringEventHandlerInvoker.class::isInstance))
                    .orElse(false);
            parks = known;
        }
        return known;
    }

    private static Stream<EventHandlerInvoker> invokers(EventHandlerInvoker invoker) {
        return invoker instanceof MultiEventHandlerInvoker multi
                ? multi.delegates().stream().flatMap(EventHandlingGuard::invokers) : Stream.of(invoker);
    }

    private EventSavepoint savepoint(UnitOfWork<?> unitOfWork, EventMessage<?> event) throws SQLException {
        Connection connection = connections.getConnection(); // the transaction's: nothing to close
        // The resource under which Axon's event bus queues, on the batch's unit of work, the events of the
        // commands sent in it (AbstractEventBus: its own identity followed by "_EVENTS").
        String queueKey = configuration.eventBus() + "_EVENTS";
        Object queued = unitOfWork.root().getResource(queueKey);
        int queuedBefore = queued instanceof List<?> events ? events.size() : 0;
        return new EventSavepoint(processor, event.getIdentifier(), connection, connection.setSavepoint(SAVEPOINT),
                queueKey, queuedBefore);
    }

    private record EventSavepoint(String processor, String eventId, Connection connection, Savepoint savepoint,
                                  String queueKey, int queuedBefore) {
    }
}
