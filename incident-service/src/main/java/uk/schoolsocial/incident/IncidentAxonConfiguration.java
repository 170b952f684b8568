package uk.schoolsocial.incident;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import uk.schoolsocial.incident.report.command.Incident;
import uk.schoolsocial.incident.report.command.IncidentTimings;
import uk.schoolsocial.incident.report.leavers.LeaverReassignment;
import uk.schoolsocial.incident.report.query.IncidentHistoryProjection;
import uk.schoolsocial.incident.report.query.IncidentProjection;
import uk.schoolsocial.incident.report.query.NotificationProjection;
import uk.schoolsocial.platform.axon.AxonInfrastructure;

/** Every aggregate, processor and saga of incident-service, in one place. */
@Factory
class IncidentAxonConfiguration {

    /** The datasource on account-service's schema, read only (docs/runtime-contract.md). */
    static final String ACCOUNT_EVENTS = "accountevents";

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonInfrastructure axon, IncidentProperties properties,
                                     IncidentProjection incidents, IncidentHistoryProjection history,
                                     NotificationProjection notifications, LeaverReassignment leavers,
                                     @Named(ACCOUNT_EVENTS) DataSource accountEvents) {
        Configurer configurer = axon.configurer();
        // Handlers take the configured due times as a parameter, like the clock (INC-3, INC-5).
        configurer.registerComponent(IncidentTimings.class, c -> properties.timings());
        configurer.configureAggregate(Incident.class);
        // One processing group, in this order: the case file first, then its history and the
        // notifications, which read the case file's category and assignee.
        configurer.eventProcessing().registerEventHandler(c -> incidents).registerEventHandler(c -> history)
                .registerEventHandler(c -> notifications);

        // account-service's leavers, read from its event store (ARCHITECTURE 3) from its first event,
        // with tokens in this service's token store: their open incidents go back to SLT.
        EventStore accountService = axon.readOnlyEventStore(configurer, accountEvents, "account");
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(LeaverReassignment.GROUP, c -> accountService,
                        (c, builder) -> builder.initialToken(StreamableMessageSource::createTailToken))
                .registerEventHandler(c -> leavers);
        return axon.start(configurer);
    }
}
