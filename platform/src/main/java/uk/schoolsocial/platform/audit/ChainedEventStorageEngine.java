package uk.schoolsocial.platform.audit;

import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC engine with the two guarantees of AUD-3 and ARCHITECTURE 4 added where events are
 * written and read:
 * <ul>
 *   <li>Appending locks the chain head before the rows take their global index and extends the
 *       hash chain in the same transaction. Appends therefore commit one after another in index
 *       order: no processor can pass an index whose transaction is still open, which is how
 *       AxonFramework issue 4829 skips events. Every committed event is in the chain.</li>
 *   <li>Reading records every gap a stream gives up on in the {@link GapJournal}, so that an
 *       event written around the chain (a hand-made insert) and so skipped is still detected.</li>
 * </ul>
 * A read-only engine over another service's events has no chain and only journals its gaps.
 */
public final class ChainedEventStorageEngine extends JdbcEventStorageEngine {

    /** How payloads and metadata are stored: the engine's {@code dataType}. */
    public static final Class<byte[]> STORED_AS = byte[].class;

    private final TransactionManager transactions;
    private final EventChainWriter chain;
    private final GapJournal gaps;
    /** Each append's wait for the chain's head and its hold of it (ChainMetrics); none on a read-only store. */
    private final Timer lockWait;
    private final Timer lockHold;

    private ChainedEventStorageEngine(Builder builder, TransactionManager transactions, EventChainWriter chain,
                                      GapJournal gaps, Timer lockWait, Timer lockHold) {
        super(builder);
        this.transactions = transactions;
        this.chain = chain;
        this.gaps = gaps;
        this.lockWait = lockWait;
        this.lockHold = lockHold;
    }

    /**
     * The service's own store: chained appends, each one's wait for the head and hold of it timed, journalled gaps.
     * Appends run in {@code transactions} (the command's transaction, or one of their own). Reads take no
     * transaction of their own (issue 13): each processor's coordinator reads the table after commits, and a
     * transaction around each read added autocommit off, a commit and autocommit back on to every read for
     * nothing (6 of the 8 COMMITs per command at 8 clients), as a read is one statement at a time and the chain
     * makes appends commit in index order. A read inside a transaction (loading an aggregate for a command)
     * still uses that transaction's connection.
     */
    public static ChainedEventStorageEngine writable(Builder builder, TransactionManager transactions,
                                                     GapJournal gaps, Timer lockWait, Timer lockHold) {
        return new ChainedEventStorageEngine(builder.transactionManager(NoTransactionManager.INSTANCE), transactions,
                new EventChainWriter(), gaps, lockWait, lockHold);
    }

    /** Another service's store, read only: journalled gaps, no appends. */
    public static ChainedEventStorageEngine readOnly(Builder builder, TransactionManager transactions,
                                                     GapJournal gaps) {
        return new ChainedEventStorageEngine(builder.transactionManager(transactions), transactions, null, gaps, null, null);
    }

    /**
     * Chains the events stored before the chain existed, on the given transaction's connection:
     * only when the chain is still empty (docs/audit.md). Returns how many.
     */
    public static long chainExistingEvents(Connection connection) throws SQLException {
        return new EventChainWriter().adoptExisting(connection);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (chain == null) {
            throw new UnsupportedOperationException("This event store reads another service's events; it never writes");
        }
        transactions.executeInTransaction(() -> {
            // Serialised and sealed before the head is taken (issue 13): a new subject's key is created in a
            // transaction of its own, and neither that nor Jackson and AES-GCM need the head. Each message keeps
            // what it serialised to, so Axon's insert below reuses it.
            for (EventMessage<?> event : events) {
                event.serializePayload(serializer, STORED_AS);
                event.serializeMetaData(serializer, STORED_AS);
            }
            Connection connection = getConnection();
            // Before the insert, so that the rows take their global_index while this transaction holds the head.
            long started = System.nanoTime();
            EventChainWriter.Head head = lock(connection);
            long locked = System.nanoTime();
            lockWait.record(locked - started, TimeUnit.NANOSECONDS);
            // Held until the transaction ends. A command's unit of work commits it in its commit phase, in a
            // handler registered when the transaction began, so one registered now runs right after it.
            if (CurrentUnitOfWork.isStarted()) {
                UnitOfWork<?> root = CurrentUnitOfWork.get().root();
                root.onCommit(committed -> lockHold.record(System.nanoTime() - locked, TimeUnit.NANOSECONDS));
                root.onRollback(rolledBack -> lockHold.record(System.nanoTime() - locked, TimeUnit.NANOSECONDS));
            }
            super.appendEvents(events, serializer);
            chain.extend(connection, events, head);
        });
    }

    private EventChainWriter.Head lock(Connection connection) {
        try {
            return chain.lock(connection);
        } catch (SQLException e) {
            throw new EventStoreException("Could not take the audit chain's head", e);
        }
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        List<? extends TrackedEventData<?>> batch = super.fetchTrackedEvents(lastToken, batchSize);
        gaps.observe(lastToken, batch);
        return batch;
    }
}
