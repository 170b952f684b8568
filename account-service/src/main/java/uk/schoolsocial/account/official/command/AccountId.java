package uk.schoolsocial.account.official.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identifies an official account. */
public record AccountId(String value) {

    /** ACC-4: one account per approved application, so a repeated provisioning finds the same id. */
    public static AccountId forApplication(String applicationId) {
        return new AccountId(UUID.nameUUIDFromBytes(("account:" + applicationId).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    /** Axon uses this as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
