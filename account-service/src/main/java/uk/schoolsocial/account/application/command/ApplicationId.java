package uk.schoolsocial.account.application.command;

import java.util.UUID;

/** Identifies an application for an official account. */
public record ApplicationId(String value) {

    public static ApplicationId create() {
        return new ApplicationId(UUID.randomUUID().toString());
    }

    /** Axon uses this as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
