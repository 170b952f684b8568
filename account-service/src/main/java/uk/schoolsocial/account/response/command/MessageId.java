package uk.schoolsocial.account.response.command;

import java.util.UUID;

/** Identifies a comment, query or complaint an official account received (ACC-8). */
public record MessageId(String value) {

    public static MessageId create() {
        return new MessageId(UUID.randomUUID().toString());
    }

    /** Axon uses this as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
