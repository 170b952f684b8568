package uk.schoolsocial.account.roster.command;

/** Identifies a school's staff roster: one per school, so it is the school id. */
public record RosterId(String schoolId) {

    /** Axon uses this as the aggregate identifier. */
    @Override
    public String toString() {
        return schoolId;
    }
}
