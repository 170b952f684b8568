package uk.schoolsocial.platform.axon;

import java.time.Duration;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * How every processor of a service deals with an event it cannot handle (issue 11): never logged and
 * skipped (Axon's default {@code LoggingErrorHandler}), but retried or parked.
 * <ul>
 *   <li>Every processing group of an event handler gets Axon's {@link JdbcSequencedDeadLetterQueue} on
 *       the service's own schema ({@code dead_letter_entry}), with the service's configured event
 *       serializer, and the {@link ParkingPolicy}: transient failures are retried, the others parked
 *       with the events of the same aggregate behind them. The groups a service configures itself
 *       (its own processors, those reading another service's events) get it too: Axon asks for a
 *       queue for each group as it assigns the handlers.</li>
 *   <li>Handler failures are thrown on instead of logged, for the sagas as well (they have no
 *       dead-letter queue in Axon 4): the batch rolls back and the pooled processor retries it with
 *       back-off, 1 s doubling to 60 s, until it goes through. So does a failure of a batch itself.</li>
 *   <li>{@link EventHandlingGuard} keeps a savepoint per event, so a parked event's writes are undone,
 *       and records stuck processors for the health check ({@link ProcessorFailures}).</li>
 *   <li>An operator's retry ({@link DeadLetterRetry}) runs each parked event in a savepoint of its own.</li>
 * </ul>
 */
final class DeadLetterQueues {

    /** An event of one aggregate cannot be parked behind more than this many: the processor then stops and retries. */
    static final int MAX_SEQUENCE_SIZE = 1024;
    /** Aggregates with parked events per processing group, likewise. */
    static final int MAX_SEQUENCES = 1024;

    private DeadLetterQueues() {
    }

    static void configure(Configurer configurer, TransactionalConnections connections, TransactionManager transactions,
                          TransactionManager savepoints, ProcessorFailures failures) {
        EventProcessingConfigurer processing = configurer.eventProcessing();
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> new RecordingErrorHandler(failures))
                .registerDefaultDeadLetterPolicy(c -> new ParkingPolicy())
                .registerDefaultHandlerInterceptor((c, processor) -> new EventHandlingGuard(processor, c, connections,
                        failures))
                .registerDeadLetterQueueProvider(group -> {
                    // Axon builds the group's dead-lettering invoker after asking for its queue.
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, invoker) -> invoker
                            // An operator's retry runs each event in a savepoint of the retry's transaction.
                            .transactionManager(savepoints)
                            // Without it, every event costs a query for parked events of its aggregate.
                            .enableSequenceIdentifierCache());
                    return c -> queue(group, c, connections, transactions);
                });
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, Configuration configuration,
                                                                   TransactionalConnections connections,
                                                                   TransactionManager transactions) {
        if (configuration.eventProcessingConfiguration().sequencingPolicy(group) instanceof SequentialPolicy) {
            // Its one sequence identifier is an Object whose hash the queue stores: another one after a
            // restart, so later events would no longer be parked behind those already parked.
            throw new AxonConfigurationException("Processing group " + group + " uses SequentialPolicy, which the"
                    + " dead-letter queue cannot keep across restarts; give it a policy returning a constant string");
        }
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(StoreSchemas.DEAD_LETTERS)
                .genericSerializer(configuration.serializer())
                // As the event store writes events: whatever the service's event serializer protects, it protects here.
                .eventSerializer(configuration.eventSerializer())
                .maxSequences(MAX_SEQUENCES)
                .maxSequenceSize(MAX_SEQUENCE_SIZE)
                .claimDuration(Duration.ofSeconds(30))
                .build();
    }

    /** Throws every failure on (the pooled processor retries the batch), recording the stuck processor. */
    private record RecordingErrorHandler(ProcessorFailures failures) implements ErrorHandler {

        @Override
        public void handleError(ErrorContext context) throws Exception {
            failures.batchFailed(context.eventProcessor(), context.failedEvents(), context.error());
            PropagatingErrorHandler.instance().handleError(context);
        }
    }
}
