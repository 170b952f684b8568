package uk.schoolsocial.platform.testing;

import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import uk.schoolsocial.events.AuditMetadata;
import uk.schoolsocial.platform.axon.Serializers;
import uk.schoolsocial.platform.axon.StoreSchemas;

/**
 * Plays account-service in tests: its event store in a schema of the test server, created by the
 * same Flyway migrations ({@code db/platform}) and written by a real {@link JdbcEventStorageEngine}
 * with the same table names and serializer, every event with the audit metadata of AUD-1.
 */
public final class AccountServiceEvents {

    private final JdbcEventStorageEngine engine;

    public AccountServiceEvents(String url, String user, String password) {
        ConnectionProvider connections = () -> java.sql.DriverManager.getConnection(url, user, password);
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(Serializers.jackson())
                .snapshotSerializer(Serializers.jackson())
                .schema(StoreSchemas.EVENTS)
                .dataType(byte[].class)
                .build();
    }

    /** Creates account-service's stores in the schema at {@code url}, as account-service's Flyway does. */
    public static void createStore(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/platform").load().migrate();
    }

    /** Appends one event of an application (consumers do not read the aggregate type). */
    public void append(String aggregateId, long sequenceNumber, Object payload, String schoolId) {
        append("AccountApplication", aggregateId, sequenceNumber, payload, schoolId);
    }

    /** Appends one event of an account-service aggregate, as account-service would after a command. */
    public void append(String aggregateType, String aggregateId, long sequenceNumber, Object payload, String schoolId) {
        MetaData metaData = MetaData.with(AuditMetadata.ACTOR_ID, "account-service-test")
                .and(AuditMetadata.ACTOR_ROLES, "INTEGRATION")
                .and(AuditMetadata.SCHOOL_ID, schoolId)
                .and(AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString())
                .and(AuditMetadata.CAUSATION_ID, UUID.randomUUID().toString());
        engine.appendEvents(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequenceNumber, payload,
                metaData));
    }
}
