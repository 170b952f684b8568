package uk.schoolsocial.platform.axon;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.SynchronousTransactionManager;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.LifecycleHandlerInspector;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.json.JacksonSerializer;
import uk.schoolsocial.platform.privacy.SealingSerializer;
import uk.schoolsocial.platform.privacy.SubjectKeys;
import uk.schoolsocial.events.AuditMetadata;
import uk.schoolsocial.platform.audit.ChainMetrics;
import uk.schoolsocial.platform.audit.ChainedEventStorageEngine;
import uk.schoolsocial.platform.audit.EventSources;
import uk.schoolsocial.platform.audit.GapJournal;
import uk.schoolsocial.platform.audit.PlaintextReseal;
import uk.schoolsocial.platform.error.DomainErrorInterceptor;
import uk.schoolsocial.platform.web.IdempotencyCommitInterceptor;

/**
 * Axon on Micronaut, built once for every service: JDBC event, token and saga stores and a
 * persistent deadline manager ({@link DeadlineManagers}) on the service's own schema, all inside
 * Micronaut transactions; Jackson everywhere; audit metadata on every message; pooled streaming
 * processors, which retry or park an event they cannot handle, never skip it
 * ({@link DeadLetterQueues}); metrics of commands, processors and their lag ({@link AxonMetrics});
 * the erasure and webhook handlers every service shares ({@link ServiceWideHandlers}).
 * A service takes {@link #configurer()}, registers its aggregates, processors and sagas, and
 * passes it to {@link #start(Configurer)}.
 */
@Singleton
public class AxonInfrastructure {

    /**
     * What this process writes as the owner of the token segments it claims ({@code token_entry.owner}):
     * the JVM's {@code pid@host}, as Axon's default, so that each instance of a service is told apart.
     */
    public static final String NODE_ID = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();

    private final DataSource pool;
    private final TransactionManager transactionManager;
    /** For work that must be undone alone when it fails inside a larger transaction (a savepoint). */
    private final TransactionManager savepointTransactionManager;
    private final TransactionalConnections connections;
    private final JacksonSerializer serializer = Serializers.jackson();
    /** Events and snapshots: their personal fields sealed (AUD-4, decision 9). */
    private final SealingSerializer eventSerializer;
    private final AxonProperties properties;
    private final Clock clock;

    private final EventSources eventSources;
    private final IdempotencyCommitInterceptor idempotency;
    private final ProcessorFailures failures;
    private final ParkedEvents parked;
    private final PlaintextReseal reseal;
    private final AxonMetrics metrics;
    private final AxonTracing tracing;
    private final ServiceWideHandlers serviceWide;
    private final DeadlineManagers deadlines;
    /** The service's own store: chained appends (AUD-3), built once for the event store and the reseal at start. */
    private final ChainedEventStorageEngine ownEngine;

    AxonInfrastructure(DataSource dataSource, SynchronousTransactionManager<Connection> transactions,
                       AxonProperties properties, Clock clock, EventSources eventSources,
                       IdempotencyCommitInterceptor idempotency, ProcessorFailures failures, ParkedEvents parked,
                       SubjectKeys subjectKeys, ServiceWideHandlers serviceWide, PlaintextReseal reseal,
                       AxonMetrics metrics, AxonTracing tracing, ChainMetrics chainMetrics) {
        this.clock = clock;
        this.serviceWide = serviceWide;
        this.metrics = metrics;
        this.tracing = tracing;
        this.eventSerializer = new SealingSerializer(serializer, subjectKeys);
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.transactionManager = MicronautAxonTransactionManager.joining(transactions);
        this.savepointTransactionManager = MicronautAxonTransactionManager.nested(transactions);
        this.failures = failures;
        this.parked = parked;
        this.connections = new TransactionalConnections(pool, transactions);
        this.properties = properties;
        this.eventSources = eventSources;
        this.idempotency = idempotency;
        eventSources.register(EventSources.OWN, pool);
        this.reseal = reseal;
        this.ownEngine = ChainedEventStorageEngine.writable(storageEngine(connections), transactionManager,
                new GapJournal(pool, pool, EventSources.OWN), chainMetrics.lockWait(),
                chainMetrics.lockHold());
        this.deadlines = new DeadlineManagers(connections, properties, serializer, transactionManager, tracing);
    }

    /** A configurer with every shared piece in place; the caller adds its own components. */
    public Configurer configurer() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> eventSerializer)
                .configureTransactionManager(c -> transactionManager)
                // Each processor reads the table itself (no shared producer cache), so when a
                // commit wakes it (LocalCommitNotifyingSource) the new events are there to read.
                .configureEventStore(c -> EmbeddedEventStore.builder()
                        .storageEngine(ownEngine)
                        .messageMonitor(c.messageMonitor(EventStore.class, "eventStore"))
                        .spanFactory(tracing.eventBusSpans(c))
                        .optimizeEventConsumption(false)
                        .build())
                .configureCorrelationDataProviders(c -> List.of(
                        // Axon's "correlation" key holds the parent message id: that is our causation id;
                        // its "trace" key holds the root: our correlation id, set from the request.
                        new MessageOriginProvider(AuditMetadata.CAUSATION_ID, AuditMetadata.CORRELATION_ID),
                        new SimpleCorrelationDataProvider(AuditMetadata.ACTOR_ID, AuditMetadata.ACTOR_ROLES,
                                AuditMetadata.SCHOOL_ID, AuditMetadata.REASON, DeadlineAuditInterceptor.SCHEDULED_BY)))
                .configureCommandBus(this::commandBus)
                .registerComponent(TokenStore.class, c -> JdbcTokenStore.builder()
                        .connectionProvider(connections).serializer(serializer)
                        .schema(StoreSchemas.TOKENS).contentType(byte[].class).nodeId(NODE_ID).build())
                .registerComponent(SagaStore.class, c -> JdbcSagaStore.builder()
                        .connectionProvider(connections).serializer(serializer)
                        .sqlSchema(new GenericSagaSqlSchema(StoreSchemas.SAGAS)).build())
                .registerComponent(DeadlineManager.class, deadlines::deadlineManager)
                // Handlers take the clock as a parameter (Axon resolves parameters from components).
                .registerComponent(Clock.class, c -> clock);
        // The service's own processors read a source that wakes them when a commit appends events.
        configurer.registerComponent(LocalCommitNotifyingSource.class, c -> {
            LocalCommitNotifyingSource ownEvents = new LocalCommitNotifyingSource(c.eventStore(),
                    properties.otherInstancesPoll());
            c.eventStore().subscribe(ownEvents::appended);
            c.onShutdown(ownEvents::stop);
            return ownEvents;
        });
        configurer.eventProcessing()
                .configureDefaultStreamableMessageSource(c -> c.getComponent(LocalCommitNotifyingSource.class))
                .usingPooledStreamingEventProcessors((c, builder) -> builder
                        .batchSize(properties.batchSize())
                        .initialSegmentCount(properties.segments())
                        .maxClaimedSegments(properties.segments()))
                .registerTokenStore(c -> c.getComponent(TokenStore.class));
        // AUD-4 erasure, retention and legal holds; INT-1 webhooks: the same in every service.
        serviceWide.register(configurer);
        // A processor's commit wakes the requests waiting for their read model (ReadYourWrites, issue 13).
        configurer.eventProcessing().registerDefaultHandlerInterceptor((c, processor) -> ProjectionCommits.counting());
        // No event is skipped (issue 11): a failure is retried, or the event parked in a dead-letter queue.
        DeadLetterQueues.configure(configurer, connections, transactionManager, savepointTransactionManager, failures);
        // Command, processor and lag metrics at /prometheus (issue 14).
        metrics.configure(configurer);
        // Commands, events and their handling as spans in the request's trace; handlers' log lines marked (issue 14).
        tracing.configure(configurer);
        configurer.onInitialize(c -> c.onStart(() -> {
            c.eventBus().registerDispatchInterceptor(AuditMetadataInterceptor.forEvents());
            // In the command's transaction, before its events are stored (decision 8).
            c.eventBus().registerDispatchInterceptor(idempotency);
            // ReadYourWrites answers at once when an event its request appended was parked.
            c.eventBus().subscribe(events -> RequestEvents.record(parked, events));
        }));
        return configurer;
    }

    /**
     * Builds and starts the configuration; the deadline manager starts polling with it. First the
     * stored events are chained and their plaintext personal fields sealed ({@link AuditChainStart}).
     */
    public Configuration start(Configurer configurer) {
        AuditChainStart.run(transactionManager, connections, eventSerializer, reseal, ownEngine);
        Configuration configuration = configurer.buildConfiguration();
        configuration.deadlineManager();
        configuration.start();
        return configuration;
    }

    /**
     * Another service's event stream, read-only, from its schema: how a service consumes another's
     * events without calling it (ARCHITECTURE 3). Register it as the source of a processor; it
     * starts and stops with the configuration. {@code name} (the upstream service's) is what the
     * delivery check calls the stream's skipped events by (docs/audit.md).
     */
    public EventStore readOnlyEventStore(Configurer configurer, DataSource upstream, String name) {
        DataSource raw = DelegatingDataSource.unwrapDataSource(upstream);
        ConnectionProvider provider = raw::getConnection;
        eventSources.register(name, raw);
        EventStore store = EmbeddedEventStore.builder()
                .storageEngine(ChainedEventStorageEngine.readOnly(storageEngine(provider),
                        NoTransactionManager.INSTANCE, new GapJournal(pool, raw, name)))
                .build();
        configurer.onInitialize(c -> LifecycleHandlerInspector.registerLifecycleHandlers(c, store));
        return store;
    }

    private JdbcEventStorageEngine.Builder storageEngine(ConnectionProvider provider) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(provider)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .schema(StoreSchemas.EVENTS)
                .dataType(ChainedEventStorageEngine.STORED_AS)
                .gapTimeout(properties.gapTimeoutMillis())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver());
    }

    private CommandBus commandBus(Configuration configuration) {
        SimpleCommandBus bus = SimpleCommandBus.builder()
                // A command sent by an event handler (a policy, a saga) runs in a savepoint of the handler's
                // transaction: if it fails, its writes are undone and the handler's failure decides (retry or park).
                .transactionManager(savepointTransactionManager)
                .messageMonitor(configuration.messageMonitor(SimpleCommandBus.class, "commandBus"))
                .spanFactory(tracing.commandBusSpans(configuration))
                .build();
        bus.registerDispatchInterceptor(AuditMetadataInterceptor.forCommands());
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        bus.registerHandlerInterceptor(new DomainErrorInterceptor());
        return bus;
    }
}
