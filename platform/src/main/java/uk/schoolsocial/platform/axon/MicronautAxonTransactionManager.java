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
 * together on one connection. An Axon transaction started inside a Micronaut one joins it.
 */
final class MicronautAxonTransactionManager implements TransactionManager {

    private final SynchronousTransactionManager<Connection> transactions;

    MicronautAxonTransactionManager(SynchronousTransactionManager<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        TransactionStatus<Connection> status = transactions.getTransaction(TransactionDefinition.DEFAULT);
        return new Transaction() {
            @Override
            public void commit() {
                transactions.commit(status);
            }

            @Override
            public void rollback() {
                transactions.rollback(status);
            }
        };
    }
}
