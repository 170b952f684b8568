package uk.schoolsocial.consent.publication.query;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What the {@link PublicationCheckIndex} holds and whether it may be trusted, kept under one lock: a
 * rollback may forget the facts while a load completes or a check takes its copy.
 */
final class IndexState {

    /** Guards {@link #loaded} against a rollback that forgets the index while a load completes. */
    private final Object loadState = new Object();
    private volatile Map<String, IndexedSchool> schools = new ConcurrentHashMap<>();
    /**
     * Counts the times the facts were dropped or went stale; a load that saw it move loads again. Guarded,
     * with {@link #schools}, {@link #loaded} and {@link #stale}, by {@link #loadState}.
     */
    private long forgotten;
    /** Root units of work of the feeding processors that handed in rows and have not ended yet. */
    final Set<UnitOfWork<?>> feeding = ConcurrentHashMap.newKeySet();
    /** Those of {@link #feeding} whose rows a {@link #drop} dropped: the index waits for their end. */
    private final Set<UnitOfWork<?>> stale = new HashSet<>();
    private volatile boolean loaded;

    /** One copy of the facts and the generation it belongs to. */
    record Copy(Map<String, IndexedSchool> schools, long generation) {
    }

    IndexedSchool school(String schoolId) {
        return schools.computeIfAbsent(schoolId, id -> new IndexedSchool());
    }

    /** The facts as they are now, loaded or not. */
    Map<String, IndexedSchool> schools() {
        return schools;
    }

    boolean loaded() {
        return loaded;
    }

    /** Which facts the index holds: a load that saw this move loads again. */
    long generation() {
        synchronized (loadState) {
            return forgotten;
        }
    }

    /** The facts and their generation, taken together. */
    Copy copy() {
        synchronized (loadState) {
            return new Copy(schools, forgotten);
        }
    }

    /** Whether no forget came since {@code generation}. */
    boolean current(long generation) {
        synchronized (loadState) {
            return generation == forgotten;
        }
    }

    /** Drops every fact; the batches still open lose the rows they handed in, so they are stale. */
    void drop() {
        synchronized (loadState) {
            forgotten++;
            loaded = false;
            schools = new ConcurrentHashMap<>();
            stale.addAll(feeding);
        }
    }

    /** A feeding unit of work ended; whether a drop had made it stale (then the facts are not loaded). */
    boolean ended(UnitOfWork<?> unitOfWork) {
        feeding.remove(unitOfWork);
        boolean wasStale;
        synchronized (loadState) {
            wasStale = stale.remove(unitOfWork);
            if (wasStale) {
                forgotten++;
                loaded = false;
            }
        }
        return wasStale;
    }

    /**
     * Whether the load is done: not if the facts were dropped or went stale meanwhile (load again). It
     * makes the index trusted only when no batch whose rows a forget dropped is still open; the end of
     * the last one starts the load that will.
     */
    boolean finishLoad(long generation) {
        synchronized (loadState) {
            if (forgotten != generation) {
                return false;
            }
            if (stale.isEmpty()) {
                loaded = true;
            }
            return true;
        }
    }
}
