package uk.schoolsocial.consent;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.LifecycleHandlerInspector;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import uk.schoolsocial.consent.changes.query.ChangeFeedProjection;
import uk.schoolsocial.consent.consent.command.AcademicYears;
import uk.schoolsocial.consent.consent.command.PupilConsent;
import uk.schoolsocial.consent.consent.query.PupilConsentProjection;
import uk.schoolsocial.consent.consent.query.PupilRosterProjection;
import uk.schoolsocial.consent.officialaccount.query.AccountEventsCatchUp;
import uk.schoolsocial.consent.officialaccount.query.OfficialAccountProjection;
import uk.schoolsocial.consent.publication.command.LeaverPublicationsSettings;
import uk.schoolsocial.consent.publication.command.Publication;
import uk.schoolsocial.consent.publication.process.TakedownPolicy;
import uk.schoolsocial.consent.publication.query.LeaverPublicationsProjection;
import uk.schoolsocial.consent.publication.query.PublicationCheckIndex;
import uk.schoolsocial.consent.publication.query.PublicationProjection;
import uk.schoolsocial.consent.publication.query.PupilRestrictionProjection;
import uk.schoolsocial.consent.publication.query.TakedownNotificationProjection;
import uk.schoolsocial.platform.axon.AxonInfrastructure;
import uk.schoolsocial.platform.notify.NotificationOutboxTable;

/** Every aggregate, processor and saga of consent-service, in one place. */
@Factory
class ConsentAxonConfiguration {

    /** The datasource on account-service's schema, read only (docs/runtime-contract.md). */
    static final String ACCOUNT_EVENTS = "accountevents";

    /**
     * CON-1: a consent given without an end lasts to the end of its school's year (31 August unless
     * set); days, for "not in the future", are the schools' ({@code smp.consent.zone}).
     */
    @Singleton
    AcademicYears academicYears(@Value("${smp.consent.academic-year-ends:}") List<String> academicYearEnds,
                                @Value("${smp.consent.zone:Europe/London}") String zone) {
        return AcademicYears.of(academicYearEnds, ZoneId.of(zone));
    }

    /**
     * Own events feed the consent and roster projections on the default processors, and the
     * publication register with its takedowns and leavers' reviews on a one-segment processor (see below).
     * account-service's events are read straight from its event store (ARCHITECTURE 3) by the
     * {@code official-accounts} processor, whose tokens live in this service's token store and
     * commit with the projection's writes, so neither an event is skipped nor applied twice by a
     * restart.
     */
    /** Issue 12: the outbox the platform's NotificationSender e-mails (CON-3 takedowns). */
    @Singleton
    NotificationOutboxTable notificationOutbox() {
        return new NotificationOutboxTable(TakedownNotificationProjection.OUTBOX);
    }

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonInfrastructure axon, PupilConsentProjection consents,
                                    PupilRosterProjection roster, PublicationProjection publications, TakedownPolicy takedowns,
                                    PupilRestrictionProjection restrictions, LeaverPublicationsProjection leaverSettings,
                                    OfficialAccountProjection officialAccounts, PublicationCheckIndex checkIndex,
                                    @Named(ACCOUNT_EVENTS) DataSource accountEvents, AcademicYears academicYears,
                                    ChangeFeedProjection changeFeed,
                                    TakedownNotificationProjection takedownNotifications) {
        Configurer configurer = axon.configurer();
        configurer.registerComponent(AcademicYears.class, c -> academicYears);
        configurer.configureAggregate(PupilConsent.class);
        configurer.eventProcessing().registerEventHandler(c -> consents);
        configurer.eventProcessing().registerEventHandler(c -> roster);
        // CON-4: the check's index sees every event these processors read, to know it missed none.
        configurer.eventProcessing().registerEventHandler(c -> checkIndex.ownEventsReader())
                .assignHandlerInstancesMatching(PupilConsentProjection.GROUP,
                        handler -> handler == checkIndex.ownEventsReader());

        // CON-2, CON-3, CON-6: one segment and one sequence, so a withdrawal, objection or leaving is handled after
        // every publication stored before it, and a leaving meets the school's choice set before it.
        // The sequence is named by a constant string (not Axon's SequentialPolicy, whose identifier changes with
        // each start): an event this processor parks keeps every later one parked behind it, across restarts,
        // so nothing is handled out of order (issue 11, docs/operations.md).
        configurer.configureAggregate(Publication.class);
        configurer.configureAggregate(LeaverPublicationsSettings.class);
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(PublicationProjection.GROUP, Configuration::eventStore,
                        (c, builder) -> builder.initialSegmentCount(1).maxClaimedSegments(1))
                .registerSequencingPolicy(PublicationProjection.GROUP, c -> event -> PublicationProjection.GROUP)
                .registerEventHandler(c -> publications)
                .registerEventHandler(c -> restrictions)
                .registerEventHandler(c -> leaverSettings)
                .registerEventHandler(c -> takedowns)
                // Issue 12: a takedown opened is e-mailed to the account administrators.
                .registerEventHandler(c -> takedownNotifications);

        // Issue 12: the MIS's change feed, one segment and one sequence, so its entries are numbered in
        // the order they commit and a cursor skips none (ChangeLog).
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(ChangeFeedProjection.GROUP, Configuration::eventStore,
                        (c, builder) -> builder.initialSegmentCount(1).maxClaimedSegments(1))
                .registerSequencingPolicy(ChangeFeedProjection.GROUP, c -> event -> ChangeFeedProjection.GROUP)
                .registerEventHandler(c -> changeFeed);

        EventStore accountService = axon.readOnlyEventStore(configurer, accountEvents, "account");
        // CON-4: the check asks how far account-service's store goes before refusing an account as not live.
        configurer.registerComponent(AccountEventsCatchUp.Upstream.class,
                c -> new AccountEventsCatchUp.Upstream(accountService));
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(OfficialAccountProjection.GROUP, c -> accountService,
                        // From account-service's first event: a new deployment learns every existing account.
                        (c, builder) -> builder.initialToken(StreamableMessageSource::createTailToken))
                .registerEventHandler(c -> officialAccounts)
                .registerEventHandler(c -> checkIndex.accountEventsReader())
                .assignHandlerInstancesMatching(OfficialAccountProjection.GROUP,
                        handler -> handler == checkIndex.accountEventsReader());
        return axon.start(configurer);
    }
}
