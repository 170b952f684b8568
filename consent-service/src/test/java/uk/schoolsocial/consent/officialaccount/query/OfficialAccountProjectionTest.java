package uk.schoolsocial.consent.officialaccount.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.AccountClosedEvent;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.AccountReinstatedEvent;
import uk.schoolsocial.events.account.AccountSuspendedEvent;
import uk.schoolsocial.events.account.AccountWentLiveEvent;
import uk.schoolsocial.events.account.ApplicationApprovedEvent;
import uk.schoolsocial.events.account.ApplicationRejectedEvent;
import uk.schoolsocial.events.account.ApplicationWithdrawnEvent;

/**
 * The projection of account-service's events is idempotent: events come at least once, and a
 * redelivered older event must not undo a newer one. Handlers are called directly, in any order a
 * redelivery could produce, against the real read model.
 */
@MicronautTest(transactional = false)
class OfficialAccountProjectionTest implements AccountEventsDatabaseTest {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-11-21T10:15:30Z");
    private static final Instant WITHDRAWN_AT = Instant.parse("2026-11-22T08:00:00Z");

    @Inject
    OfficialAccountProjection projection;
    @Inject
    OfficialAccountViewRepository views;
    @Inject
    OfficialLiveAccountViewRepository accounts;

    private static ApplicationSubmittedEvent submitted(String id, int revision) {
        return new ApplicationSubmittedEvent(id, "school-a", "staff-1", revision, AccountPlatform.BLOG, "Oakfield News",
                null, "News", "Parents", "Newsletter", List.of("staff-2", "staff-3"), AccountPrivacy.OPEN, "Public news",
                SUBMITTED_AT);
    }

    @Test
    void aRedeliveredSubmissionDoesNotUndoAWithdrawal() {
        String id = UUID.randomUUID().toString();
        projection.on(submitted(id, 1), 0);
        projection.on(new ApplicationWithdrawnEvent(id, "school-a", "No longer needed", WITHDRAWN_AT), 1);
        projection.on(submitted(id, 1), 0);
        projection.on(new ApplicationWithdrawnEvent(id, "school-a", "No longer needed", WITHDRAWN_AT), 1);

        OfficialAccountView view = views.findById(id).orElseThrow();
        assertEquals("WITHDRAWN", view.status());
        assertEquals(1, view.version());
        assertEquals(WITHDRAWN_AT, view.withdrawnAt());
        assertEquals("school-a", view.schoolId());
    }

    @Test
    void aResubmissionAfterAWithdrawalIsSubmittedAgain() {
        String id = UUID.randomUUID().toString();
        projection.on(submitted(id, 1), 0);
        projection.on(new ApplicationWithdrawnEvent(id, "school-a", "Not yet", WITHDRAWN_AT), 1);
        projection.on(submitted(id, 2), 2);

        OfficialAccountView view = views.findById(id).orElseThrow();
        assertEquals("SUBMITTED", view.status());
        assertEquals(2, view.version());
        assertTrue(view.withdrawnAt() == null, "a resubmitted application is no longer withdrawn");
    }

    /** CON-4: the check trusts only a LIVE account; a redelivered older event must not make a suspended one live. */
    @Test
    void con4_anAccountIsLiveUntilSuspendedWhateverIsRedelivered() {
        String id = UUID.randomUUID().toString();
        AccountProvisionedEvent provisioned = new AccountProvisionedEvent(id, "school-a", UUID.randomUUID().toString(),
                AccountPlatform.INSTAGRAM, "oakfield_pe", "Oakfield PE", List.of("staff-2", "staff-3"),
                AccountPrivacy.OPEN, "https://example.org/aup", SUBMITTED_AT);
        projection.on(provisioned, 0);
        assertEquals("PROVISIONED", accounts.findById(id).orElseThrow().status());
        projection.on(new AccountWentLiveEvent(id, "school-a", SUBMITTED_AT), 3);
        assertTrue(accounts.findById(id).orElseThrow().live());
        projection.on(new AccountSuspendedEvent(id, "school-a", "Compromised", WITHDRAWN_AT), 4);
        projection.on(new AccountWentLiveEvent(id, "school-a", SUBMITTED_AT), 3);
        projection.on(provisioned, 0);
        assertEquals("SUSPENDED", accounts.findById(id).orElseThrow().status());
        projection.on(new AccountReinstatedEvent(id, "school-a", "Secured", WITHDRAWN_AT, "LIVE"), 5);
        assertTrue(accounts.findById(id).orElseThrow().live());
        projection.on(new AccountClosedEvent(id, "school-a", "No longer used", WITHDRAWN_AT), 6);
        assertEquals("CLOSED", accounts.findById(id).orElseThrow().status());
    }

    /**
     * CON-4 after ACC-9: an account suspended before it went live is not live when reinstated, whether the
     * reinstatement says so or (recorded before it carried its status) the projection never saw it go live;
     * one that had gone live is live again.
     */
    @Test
    void con4_aReinstatedAccountIsLiveOnlyIfItHadGoneLive() {
        for (String carried : java.util.Arrays.asList("PROVISIONED", null)) {
            String id = UUID.randomUUID().toString();
            projection.on(new AccountProvisionedEvent(id, "school-a", UUID.randomUUID().toString(),
                    AccountPlatform.INSTAGRAM, "oakfield_pe", "Oakfield PE", List.of("staff-2", "staff-3"),
                    AccountPrivacy.OPEN, "https://example.org/aup", SUBMITTED_AT), 0);
            projection.on(new AccountSuspendedEvent(id, "school-a", "Compromised", WITHDRAWN_AT), 2);
            projection.on(new AccountReinstatedEvent(id, "school-a", "Secured", WITHDRAWN_AT, carried), 3);
            assertEquals("PROVISIONED", accounts.findById(id).orElseThrow().status(), "carried " + carried);
            projection.on(new AccountWentLiveEvent(id, "school-a", WITHDRAWN_AT), 4);
            projection.on(new AccountSuspendedEvent(id, "school-a", "Compromised again", WITHDRAWN_AT), 5);
            projection.on(new AccountReinstatedEvent(id, "school-a", "Secured", WITHDRAWN_AT, null), 6);
            assertTrue(accounts.findById(id).orElseThrow().live(), "it had gone live, carried " + carried);
        }
    }

    @Test
    void anApprovalAndARejectionAreLearnt() {
        String approved = UUID.randomUUID().toString();
        String rejected = UUID.randomUUID().toString();
        projection.on(submitted(approved, 1), 0);
        projection.on(submitted(rejected, 1), 0);
        projection.on(new ApplicationApprovedEvent(approved, "school-a", "slt-1", "Fine", WITHDRAWN_AT), 1);
        projection.on(new ApplicationRejectedEvent(rejected, "school-a", "slt-1", "No aim", WITHDRAWN_AT), 1);
        projection.on(submitted(approved, 1), 0);
        assertEquals("APPROVED", views.findById(approved).orElseThrow().status());
        assertEquals("REJECTED", views.findById(rejected).orElseThrow().status());
    }
}
