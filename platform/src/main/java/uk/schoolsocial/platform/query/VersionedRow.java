package uk.schoolsocial.platform.query;

/**
 * A read-model row that remembers the version of its aggregate (the sequence number of the last event
 * written into it), so that a projection can tell an event it has applied already from a new one.
 */
public interface VersionedRow {

    /** The sequence number of the aggregate's last event written into this row. */
    long version();
}
