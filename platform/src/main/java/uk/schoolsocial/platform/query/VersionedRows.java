package uk.schoolsocial.platform.query;

import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The idempotent writes of a projection (CONVENTIONS: upserts keyed by the aggregate id and version, safe
 * to replay from zero). Delivery is at least once and a replay starts from the first event, so an event
 * at or below the version a row holds was applied already and changes nothing. Each method reads the row
 * by its id and then writes it, in the handler's transaction, as the projections did by hand.
 */
public final class VersionedRows {

    private VersionedRows() {
    }

    /**
     * Saves {@code row} under {@code id} when none is stored, or replaces the stored one when it holds a
     * lower version than {@code row}; otherwise writes nothing.
     *
     * @return the row as written, or empty when nothing was
     */
    public static <T extends VersionedRow, I> Optional<T> upsert(CrudRepository<T, I> rows, I id, T row) {
        Optional<T> stored = rows.findById(id);
        if (stored.isEmpty()) {
            return Optional.of(rows.save(row));
        }
        return stored.get().version() < row.version() ? Optional.of(rows.update(row)) : Optional.empty();
    }

    /**
     * Changes the row stored under {@code id} when it holds a lower version than {@code version}; a row
     * not stored yet stays so (the event that creates it comes first in its aggregate's stream).
     *
     * @return the row as written, or empty when nothing was
     */
    public static <T extends VersionedRow, I> Optional<T> update(CrudRepository<T, I> rows, I id, long version,
                                                                 UnaryOperator<T> change) {
        return rows.findById(id).filter(stored -> stored.version() < version)
                .map(stored -> rows.update(change.apply(stored)));
    }

    /**
     * Saves a row that is written once and never changes (a history entry, or a row keyed by its
     * aggregate's id and event sequence number) unless it is stored already.
     *
     * @return the row as saved, or empty when one was stored already
     */
    public static <T, I> Optional<T> insertOnce(CrudRepository<T, I> rows, I id, Supplier<T> row) {
        return rows.existsById(id) ? Optional.empty() : Optional.of(rows.save(row.get()));
    }
}
