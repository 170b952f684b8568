package uk.schoolsocial.platform.axon;

import io.micronaut.transaction.SynchronousTransactionManager;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionStatus;
import java.sql.Connection;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Runs Axon's units of work in Micronaut transactions, so that an event append, the token
 * update of a processor and the projection writes of the same batch commit or roll back
 * together on one connection. An Axon transaction started inside a Micronaut one joins it
 * ({@link #joining}), or, for {@link #nested}, runs in a savepoint of it: its rollback then undoes
 * its own writes only and leaves the outer transaction free to commit.
 */
final class MicronautAxonTransactionManager implements TransactionManager {

    private final SynchronousTransactionManager<Connection> transactions;
    private final TransactionDefinition definition;

    private MicronautAxonTransactionManager(SynchronousTransactionManager<Connection> transactions,
                                            TransactionDefinition definition) {
        this.transactions = transactions;
        this.definition = definition;
    }

    /** Joins the current transaction, or starts one. */
    static MicronautAxonTransactionManager joining(SynchronousTransactionManager<Connection> transactions) {
        return new MicronautAxonTransactionManager(transactions, TransactionDefinition.DEFAULT);
    }

    /** A savepoint in the current transaction, or a new transaction when there is none. */
    static MicronautAxonTransactionManager nested(SynchronousTransactionManager<Connection> transactions) {
        return new MicronautAxonTransactionManager(transactions,
                TransactionDefinition.of(TransactionDefinition.Propagation.NESTED));
    }

    @Override
    public Transaction startTransaction() {
        TransactionStatus<Connection> status = transactions.getTransaction(definition);
        return new Transaction() {
            @Override
            public void commit() {
                transactions.commit(status);
            }

            @Override
            public void rollback() {
                // A unit of work nested in another commits its part early and is told to roll back
                // again when the outer one rolls back: by then the outer rollback undoes it.
                if (!status.isCompleted()) {
                    transactions.rollback(status);
                }
            }
        };
    }
}
