package uk.schoolsocial.platform.axon;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Whether a failure to handle an event is transient: the same event will very likely be handled
 * if it is tried again a little later. Such a failure is never parked; the processor rolls its
 * batch back and retries it with back-off (issue 11).
 * <ul>
 *   <li>JDBC says so: {@link SQLTransientException} (lock wait timeout, deadlock, a pool with no free
 *       connection: {@code SQLTransientConnectionException}), {@link SQLRecoverableException} (the
 *       connection was lost: Connector/J's {@code CommunicationsException}) and
 *       {@link SQLNonTransientConnectionException} (a closed connection; the next one is fine);</li>
 *   <li>the SQL state says so: class {@code 08} (connection) or {@code 40} (transaction rolled back,
 *       serialization failure, deadlock), or MySQL/MariaDB error 1205 (lock wait timeout), 1213
 *       (deadlock), 1040 (too many connections), 2006 or 2013 (server gone away, lost connection);</li>
 *   <li>the network failed on the way ({@link ConnectException}, {@link SocketTimeoutException});</li>
 *   <li>a command sent by a handler lost a race for its aggregate ({@link ConcurrencyException}) or a
 *       lock ({@link LockAcquisitionFailedException}).</li>
 * </ul>
 * The whole cause chain is looked at, because Micronaut Data, Axon and the command bus wrap the
 * driver's exception. Anything else (a refused value, a broken handler) is not transient.
 */
final class Transience {

    private Transience() {
    }

    static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof ConcurrencyException || t instanceof LockAcquisitionFailedException) {
                return true;
            }
            if (t instanceof SQLException sql && transientSqlError(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientSqlError(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("40"))) {
            return true;
        }
        return switch (sql.getErrorCode()) {
            case 1205, 1213, 1040, 2006, 2013 -> true;
            default -> false;
        };
    }
}
