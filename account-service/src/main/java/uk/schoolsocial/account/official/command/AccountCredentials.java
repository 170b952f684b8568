package uk.schoolsocial.account.official.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.schoolsocial.events.account.CredentialsRevealedEvent;
import uk.schoolsocial.events.account.CredentialsRotatedEvent;
import uk.schoolsocial.platform.error.DomainException;

/**
 * ACC-6: whether the account has login details. The details live only in the {@link CredentialVault},
 * encrypted; events record only that they were stored, rotated or revealed. Part of
 * {@link OfficialAccount}.
 */
final class AccountCredentials {

    /** ACC-7: the reason of a rotation made by a handover. */
    static final String HANDOVER = "handover";

    private boolean stored;

    /** Seals the details in the vault (in the command's transaction) and records the change. */
    void store(String accountId, String schoolId, CredentialVault vault, CredentialVault.Credentials details,
               Instant now) {
        rotate(accountId, schoolId, vault, details, stored ? "rotated" : "stored", now);
    }

    /** ACC-7: the new details a handover's transfer brings, sealed exactly like any other rotation. */
    void rotateAtHandover(String accountId, String schoolId, CredentialVault vault,
                          CredentialVault.Credentials details, Instant now) {
        rotate(accountId, schoolId, vault, details, HANDOVER, now);
    }

    CredentialVault.Credentials reveal(String accountId, String schoolId, CredentialVault vault, String actorId,
                                       String reason, Instant now) {
        CredentialVault.Credentials details = vault.reveal(accountId).orElseThrow(() ->
                new DomainException(AccountError.NO_CREDENTIALS, "No login details are stored for the account"));
        apply(new CredentialsRevealedEvent(accountId, schoolId, actorId, reason, now));
        return details;
    }

    private void rotate(String accountId, String schoolId, CredentialVault vault, CredentialVault.Credentials details,
                        String reason, Instant now) {
        vault.store(accountId, details);
        apply(new CredentialsRotatedEvent(accountId, schoolId, reason, now));
    }

    @EventSourcingHandler
    void on(CredentialsRotatedEvent event) {
        stored = true;
    }
}
