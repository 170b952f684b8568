package uk.schoolsocial.platform.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManagerSupplier;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;

/**
 * The persistent deadline manager of {@link AxonInfrastructure}: Axon's db-scheduler one, on the
 * service's own {@code scheduled_tasks} table, so that a deadline outlives the instance that set it
 * and one scheduled by a command joins the command's transaction. Apart from the infrastructure so
 * that how deadlines are polled, retried and audited is read in one place.
 */
final class DeadlineManagers {

    private final TransactionalConnections connections;
    private final AxonProperties properties;
    private final Serializer serializer;
    private final TransactionManager transactionManager;
    private final AxonTracing tracing;

    DeadlineManagers(TransactionalConnections connections, AxonProperties properties, Serializer serializer,
                     TransactionManager transactionManager, AxonTracing tracing) {
        this.connections = connections;
        this.properties = properties;
        this.serializer = serializer;
        this.transactionManager = transactionManager;
        this.tracing = tracing;
    }

    /** The configuration's deadline manager; it starts polling when the configuration asks for it. */
    DeadlineManager deadlineManager(Configuration configuration) {
        DbSchedulerDeadlineManagerSupplier supplier = new DbSchedulerDeadlineManagerSupplier();
        Scheduler scheduler = Scheduler.create(connections.asDataSource(), DbSchedulerDeadlineManager.binaryTask(supplier))
                .tableName("scheduled_tasks")
                .pollingInterval(properties.deadlinePoll())
                // An instance that dies while running a deadline leaves it picked; another runs it again
                // after the missed heartbeats: 2 minutes by default instead of db-scheduler's 30.
                .heartbeatInterval(properties.deadlineHeartbeat())
                .missedHeartbeatsLimit(4)
                .threads(2)
                .alwaysPersistTimestampInUTC()
                .build();
        DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(tracing.deadlineSpans(configuration))
                .build();
        manager.registerDispatchInterceptor(new DeadlineAuditInterceptor());
        manager.registerHandlerInterceptor(new AxonTracing.LogContext<>());
        manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        supplier.set(manager);
        return manager;
    }
}
