package uk.schoolsocial.incident.casefile.command;

import java.util.UUID;

/** Identifies a reported incident. */
public record IncidentId(String value) {

    public static IncidentId create() {
        return new IncidentId(UUID.randomUUID().toString());
    }

    /** Axon uses this as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
