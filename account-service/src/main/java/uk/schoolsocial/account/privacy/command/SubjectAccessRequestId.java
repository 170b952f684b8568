package uk.schoolsocial.account.privacy.command;

import java.util.UUID;

/** Identifies a subject access request (AUD-4). */
public record SubjectAccessRequestId(String value) {

    public static SubjectAccessRequestId create() {
        return new SubjectAccessRequestId(UUID.randomUUID().toString());
    }

    /** Axon uses this as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
