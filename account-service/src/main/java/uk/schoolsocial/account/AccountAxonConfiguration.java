package uk.schoolsocial.account;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import uk.schoolsocial.account.application.command.AccountApplication;
import uk.schoolsocial.account.application.query.ApplicationProjection;
import uk.schoolsocial.account.changes.query.ChangeFeedProjection;
import uk.schoolsocial.account.declaration.command.RelationshipDeclaration;
import uk.schoolsocial.account.declaration.query.DeclarationProjection;
import uk.schoolsocial.account.official.command.AccountAdministrators;
import uk.schoolsocial.account.official.command.AccountRules;
import uk.schoolsocial.account.official.command.ApprovedApplications;
import uk.schoolsocial.account.official.command.CredentialVault;
import uk.schoolsocial.account.official.command.OfficialAccount;
import uk.schoolsocial.account.official.command.SchoolPolicy;
import uk.schoolsocial.account.official.command.StaffFitness;
import uk.schoolsocial.account.official.process.AdministeredAccounts;
import uk.schoolsocial.account.official.process.HandoverSaga;
import uk.schoolsocial.account.official.process.PolicyFlagging;
import uk.schoolsocial.account.official.query.AccountLookupProjection;
import uk.schoolsocial.account.official.query.AccountProjection;
import uk.schoolsocial.account.official.query.AdministratorLookupProjection;
import uk.schoolsocial.account.official.query.HandoverNotificationProjection;
import uk.schoolsocial.account.official.query.HandoverProjection;
import uk.schoolsocial.account.official.query.PolicyVersionProjection;
import uk.schoolsocial.account.official.query.StaffFitnessProjection;
import uk.schoolsocial.account.official.vault.AesGcmCredentialVault;
import uk.schoolsocial.account.privacy.command.SubjectAccessRequest;
import uk.schoolsocial.account.privacy.command.SubjectAccessRule;
import uk.schoolsocial.account.privacy.query.SubjectAccessProjection;
import uk.schoolsocial.account.response.command.AccountMessage;
import uk.schoolsocial.account.response.command.HolidayCalendar;
import uk.schoolsocial.account.response.command.ResponseRule;
import uk.schoolsocial.account.response.command.SchoolHolidays;
import uk.schoolsocial.account.response.query.AccountMessageProjection;
import uk.schoolsocial.account.response.query.ResponseLookupProjection;
import uk.schoolsocial.account.response.query.ResponseNotificationProjection;
import uk.schoolsocial.account.roster.command.StaffRoster;
import uk.schoolsocial.account.roster.query.RosterProjection;
import uk.schoolsocial.account.roster.query.StaffLookup;
import uk.schoolsocial.account.shared.command.LeavingDates;
import uk.schoolsocial.account.shared.command.StaffDirectory;
import uk.schoolsocial.platform.axon.AxonInfrastructure;
import uk.schoolsocial.platform.notify.NotificationOutboxTable;

/** Every aggregate, processor and saga of account-service, in one place. */
@Factory
class AccountAxonConfiguration {

    /** ACC-7: leaving dates on the school's calendar, for the roster, the accounts and the look-ups alike. */
    @Singleton
    LeavingDates leavingDates(@Value("${smp.account.zone:Europe/London}") String zone) {
        return new LeavingDates(ZoneId.of(zone));
    }

    /** Issue 12: the outbox the platform's NotificationSender e-mails (ACC-7 overdue handovers, ACC-8 breaches). */
    @Singleton
    NotificationOutboxTable notificationOutbox() {
        return new NotificationOutboxTable(HandoverNotificationProjection.OUTBOX);
    }

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonInfrastructure axon, ApplicationProjection applications,
                                    RosterProjection roster, StaffLookup staffLookup,
                                    AccountLookupProjection accountLookups, AccountProjection accounts,
                                    PolicyFlagging policyFlagging,
                                    HandoverProjection handovers, HandoverNotificationProjection handoverNotifications,
                                    AesGcmCredentialVault vault,
                                    DeclarationProjection declarations, StaffFitnessProjection staffFitness,
                                    AccountMessageProjection messages, ResponseNotificationProjection responseNotifications,
                                    ResponseLookupProjection responseLookups,
                                    AdministratorLookupProjection administratorLookups,
                                    SubjectAccessProjection subjectAccess, PolicyVersionProjection policyVersions,
                                    LeavingDates leavingDates, ChangeFeedProjection changeFeed,
                                    @Value("${smp.account.review-period:P1Y}") String reviewPeriod,
                                    @Value("${smp.account.handover-due:P14D}") String handoverDue,
                                    @Value("${smp.account.zone:Europe/London}") String zone,
                                    @Value("${smp.account.late-logging-grace:PT15M}") String lateLoggingGrace) {
        Configurer configurer = axon.configurer();
        configurer.configureAggregate(AccountApplication.class);
        configurer.configureAggregate(StaffRoster.class);
        configurer.configureAggregate(OfficialAccount.class);
        configurer.configureAggregate(SchoolPolicy.class);
        configurer.configureAggregate(RelationshipDeclaration.class);
        configurer.configureAggregate(AccountMessage.class);
        configurer.configureAggregate(HolidayCalendar.class);
        configurer.configureAggregate(SubjectAccessRequest.class);
        // Handlers take these as parameters: ACC-1/ACC-3 roster look-up, ACC-4 approvals, ACC-9 review period,
        // ACC-7 fitness of a handover's new administrator, ACC-8 who may respond, holidays and the due time.
        configurer.registerComponent(StaffDirectory.class, c -> staffLookup);
        configurer.registerComponent(ApprovedApplications.class, c -> accountLookups);
        configurer.registerComponent(AccountRules.class, c -> new AccountRules(Period.parse(reviewPeriod), Duration.parse(handoverDue)));
        configurer.registerComponent(AdministeredAccounts.class, c -> administratorLookups);
        // ACC-7: a member is current until their leaving date ends; a handover falls due then.
        configurer.registerComponent(LeavingDates.class, c -> leavingDates);
        configurer.registerComponent(CredentialVault.class, c -> vault);
        configurer.registerComponent(StaffFitness.class, c -> staffFitness);
        configurer.registerComponent(AccountAdministrators.class, c -> administratorLookups);
        configurer.registerComponent(SchoolHolidays.class, c -> responseLookups);
        configurer.registerComponent(ResponseRule.class, c -> new ResponseRule(ZoneId.of(zone),
                Duration.parse(lateLoggingGrace)));
        // AUD-4: subject access requests are due on the school's calendar days.
        configurer.registerComponent(SubjectAccessRule.class, c -> new SubjectAccessRule(ZoneId.of(zone)));
        configurer.eventProcessing()
                // ACC-7: the handover process; its deadlines persist in the deadline manager's table.
                .registerSaga(HandoverSaga.class)
                .registerEventHandler(c -> applications)
                .registerEventHandler(c -> accounts)
                .registerEventHandler(c -> policyFlagging)
                .registerEventHandler(c -> handovers)
                // Issue 12: an overdue handover is e-mailed to SLT.
                .registerEventHandler(c -> handoverNotifications)
                .registerEventHandler(c -> declarations)
                .registerEventHandler(c -> messages)
                // Issue 12, ACC-8: a message unanswered at its due time is e-mailed to SLT.
                .registerEventHandler(c -> responseNotifications)
                .registerEventHandler(c -> subjectAccess)
                .registerEventHandler(c -> policyVersions)
                // Look-ups that other commands check are written in the transaction of their events
                // (set-based validation), so they are never behind.
                .registerSubscribingEventProcessor(RosterProjection.GROUP)
                .registerEventHandler(c -> roster)
                .registerSubscribingEventProcessor(AccountLookupProjection.GROUP)
                .registerEventHandler(c -> accountLookups)
                .registerEventHandler(c -> administratorLookups)
                .registerEventHandler(c -> staffFitness)
                .registerSubscribingEventProcessor(ResponseLookupProjection.GROUP)
                .registerEventHandler(c -> responseLookups);
        // Issue 12: the MIS's change feed, one segment and one sequence, so its entries are numbered in
        // the order they commit and a cursor skips none (ChangeLog).
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(ChangeFeedProjection.GROUP, Configuration::eventStore,
                        (c, builder) -> builder.initialSegmentCount(1).maxClaimedSegments(1))
                .registerSequencingPolicy(ChangeFeedProjection.GROUP, c -> event -> ChangeFeedProjection.GROUP)
                .registerEventHandler(c -> changeFeed);
        return axon.start(configurer);
    }
}
