package uk.schoolsocial.platform.axon;

import java.sql.Connection;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.platform.audit.ChainedEventStorageEngine;
import uk.schoolsocial.platform.audit.PlaintextReseal;
import uk.schoolsocial.platform.privacy.SealingSerializer;

/**
 * What {@link AxonInfrastructure#start} does to the stored events before any processor reads them,
 * in one transaction: events stored before the audit chain existed are chained, once
 * (docs/audit.md), and personal fields stored in plaintext are sealed with the rewrite attested in
 * the chain (decision 9, point 3). Apart from the infrastructure because it is a migration of what
 * is stored, not a piece of Axon's configuration.
 */
final class AuditChainStart {

    private AuditChainStart() {
    }

    /** Logs under {@link AxonInfrastructure}, as before this was moved out of it. */
    static void run(TransactionManager transactionManager, TransactionalConnections connections,
                    SealingSerializer eventSerializer, PlaintextReseal reseal, ChainedEventStorageEngine ownEngine) {
        transactionManager.executeInTransaction(() -> {
            try {
                Connection connection = connections.getConnection();
                long adopted = ChainedEventStorageEngine.chainExistingEvents(connection);
                if (adopted > 0) {
                    LoggerFactory.getLogger(AxonInfrastructure.class).info(
                            "Chained {} events stored before the audit chain existed", adopted);
                }
                SealingSerializer sealer = eventSerializer;
                long resealed = reseal.run(connection, new PlaintextReseal.Sealer() {
                    @Override
                    public String classification(String payloadType, String payloadRevision) {
                        return sealer.classification(payloadType, payloadRevision);
                    }

                    @Override
                    public byte[] seal(String payloadType, String payloadRevision, byte[] payload) {
                        return sealer.sealPlaintext(payloadType, payloadRevision, payload);
                    }
                }, ownEngine::appendEvents);
                if (resealed > 0) {
                    LoggerFactory.getLogger(AxonInfrastructure.class).info("Sealed the personal fields of {} events"
                            + " stored in plaintext; the rewrite is attested in the audit chain", resealed);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not start the audit chain", e);
            }
        });
    }
}
