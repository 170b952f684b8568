package uk.schoolsocial.account.official.command;

import java.util.Optional;

/**
 * ACC-6: where an account's login details are kept, encrypted at rest with a key from
 * configuration. Writes join the command's transaction, so a stored secret and the event that
 * records its rotation commit together.
 */
public interface CredentialVault {

    void store(String accountId, Credentials credentials);

    Optional<Credentials> reveal(String accountId);

    /** Login details in the clear: only ever in memory, never in an event, a log or {@link #toString()}. */
    record Credentials(String login, String secret) {
        @Override
        public String toString() {
            return "Credentials[redacted]";
        }
    }
}
