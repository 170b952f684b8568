package uk.schoolsocial.platform.privacy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import uk.schoolsocial.platform.audit.ChainedEventStorageEngine;
import uk.schoolsocial.platform.axon.Serializers;
import uk.schoolsocial.platform.axon.StoreSchemas;
import uk.schoolsocial.platform.testing.TestDatabase;

/**
 * Appends events to a service's store, chained, through a serializer that does not seal: exactly
 * what a version before sealing wrote (decision 9, point 3). For tests and benchmarks of the reseal.
 */
final class PlaintextStore {

    private PlaintextStore() {
    }

    /** Appends {@code events} in one transaction on {@code schema}. */
    static void append(String schema, List<? extends EventMessage<?>> events) throws SQLException {
        try (Connection connection = TestDatabase.connect(schema)) {
            connection.setAutoCommit(false);
            Connection open = (Connection) Proxy.newProxyInstance(PlaintextStore.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) ->
                            method.getName().equals("close") ? null : method.invoke(connection, args));
            TransactionManager transactions = () -> new Transaction() {
                @Override
                public void commit() {
                    run(connection::commit);
                }

                @Override
                public void rollback() {
                    run(connection::rollback);
                }
            };
            ChainedEventStorageEngine.writable(JdbcEventStorageEngine.builder()
                    .connectionProvider(() -> open)
                    .eventSerializer(Serializers.jackson())
                    .snapshotSerializer(Serializers.jackson())
                    .schema(StoreSchemas.EVENTS)
                    .dataType(byte[].class), transactions, null,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry().timer("lock"),
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry().timer("hold")).appendEvents(events);
            connection.commit();
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private static void run(Step step) {
        try {
            step.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
