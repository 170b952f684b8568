package uk.schoolsocial.account.declaration.command;

import java.util.UUID;

/** Identifies a relationship declaration. */
public record DeclarationId(String value) {

    public static DeclarationId create() {
        return new DeclarationId(UUID.randomUUID().toString());
    }

    /** Axon uses this as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
