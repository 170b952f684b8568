package uk.schoolsocial.incident;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import uk.schoolsocial.incident.casefile.command.IncidentTimings;
import uk.schoolsocial.incident.casefile.query.IncidentHistoryProjection;
import uk.schoolsocial.incident.casefile.query.IncidentProjection;
import uk.schoolsocial.incident.oversight.query.NotificationProjection;
import uk.schoolsocial.incident.report.command.Incident;
import uk.schoolsocial.incident.report.process.LeaverReassignment;
import uk.schoolsocial.incident.takedown.command.TakedownPeriodSettings;
import uk.schoolsocial.incident.takedown.command.TakedownPeriods;
import uk.schoolsocial.incident.takedown.query.TakedownPeriodProjection;
import uk.schoolsocial.incident.takedown.query.TakedownProjection;
import uk.schoolsocial.platform.axon.AxonInfrastructure;
import uk.schoolsocial.platform.notify.NotificationOutboxTable;

/** Every aggregate, processor and saga of incident-service, in one place. */
@Factory
class IncidentAxonConfiguration {

    /** The datasource on account-service's schema, read only (docs/runtime-contract.md). */
    static final String ACCOUNT_EVENTS = "accountevents";

    /** The configured due times (INC-3, INC-5), for handlers and for reads that show the defaults. */
    @Singleton
    IncidentTimings timings(IncidentProperties properties) {
        return properties.timings();
    }

    /** INC-2: the outbox the platform's NotificationSender e-mails (issue 12). */
    @Singleton
    NotificationOutboxTable notificationOutbox() {
        return new NotificationOutboxTable("incident_notification");
    }

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonInfrastructure axon, IncidentTimings timings,
                                     IncidentProjection incidents, IncidentHistoryProjection history,
                                     NotificationProjection notifications, LeaverReassignment leavers,
                                     TakedownProjection takedowns, TakedownPeriodProjection takedownPeriods,
                                     @Named(ACCOUNT_EVENTS) DataSource accountEvents) {
        Configurer configurer = axon.configurer();
        // Handlers take the configured due times as a parameter, like the clock (INC-3, INC-5),
        // and the schools' own takedown periods per platform (INC-5).
        configurer.registerComponent(IncidentTimings.class, c -> timings);
        configurer.registerComponent(TakedownPeriods.class, c -> takedownPeriods);
        configurer.configureAggregate(Incident.class);
        configurer.configureAggregate(TakedownPeriodSettings.class);
        // One processing group, in this order: the case file first, then its history and the
        // notifications, which read the case file's category and assignee.
        configurer.eventProcessing().registerEventHandler(c -> incidents).registerEventHandler(c -> history)
                .registerEventHandler(c -> notifications)
                // INC-5: every takedown request, in a group of its own, so it is built from the first event.
                .registerEventHandler(c -> takedowns)
                // INC-5: the periods the next request reads are written in the transaction of their events.
                .registerSubscribingEventProcessor(TakedownPeriodProjection.GROUP)
                .registerEventHandler(c -> takedownPeriods);

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
