package uk.schoolsocial.platform.axon;

import io.micronaut.transaction.TransactionOperations;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * Hands out the connection of the current Micronaut transaction when there is one, and a pooled
 * connection otherwise. The transaction's connection is wrapped so that the caller's
 * {@code close()} does nothing: the transaction owns it. Used by Axon's JDBC stores and by the
 * deadline scheduler, so that a deadline scheduled by a command commits with its events.
 */
final class TransactionalConnections implements ConnectionProvider {

    private final DataSource pool;
    private final TransactionOperations<Connection> transactions;

    TransactionalConnections(DataSource pool, TransactionOperations<Connection> transactions) {
        this.pool = pool;
        this.transactions = transactions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (transactions.findTransactionStatus().isPresent()) {
            return unclosable(transactions.getConnection());
        }
        return pool.getConnection();
    }

    /** Whether a Micronaut transaction is open on this thread: {@link #getConnection()} is then its connection. */
    boolean inTransaction() {
        return transactions.findTransactionStatus().isPresent();
    }

    /** The same policy as a {@link DataSource}, for libraries that want one. */
    DataSource asDataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && (args == null || args.length == 0)) {
                        return getConnection();
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Connection unclosable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
