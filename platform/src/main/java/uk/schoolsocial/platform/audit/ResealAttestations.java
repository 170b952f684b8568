package uk.schoolsocial.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.events.privacy.StoredEventsResealedEvent;

/**
 * The reseal attestations of a store (decision 9, point 3): for each event rewritten since it was
 * chained, the latest attested change. Only attestations signed by this service's audit key count;
 * an attestation row is itself chained, so the verifier checks it like any other event.
 */
final class ResealAttestations {

    /** The aggregate type the attestations are stored under. */
    static final String AGGREGATE_TYPE = "StoredEventsReseal";
    static final String EVENT_TYPE = StoredEventsResealedEvent.class.getSimpleName();
    /** The school an attestation is filed under: it concerns the whole store, so every school's export carries it whole. */
    static final String ALL_SCHOOLS = "*";

    private static final ObjectMapper JSON = uk.schoolsocial.platform.axon.Serializers.jackson().getObjectMapper();

    /** One attested rewrite, and where its attestation is stored. */
    record Attested(byte[] chainedEntryHash, byte[] storedEntryHash, long attestationGlobalIndex) {

        /** Whether the row at {@code globalIndex}, chained as {@code chained} and stored as {@code stored}, is this rewrite. */
        boolean covers(long globalIndex, byte[] chained, byte[] stored) {
            return attestationGlobalIndex > globalIndex && AuditChain.same(chainedEntryHash, chained)
                    && AuditChain.same(storedEntryHash, stored);
        }
    }

    private ResealAttestations() {
    }

    /** By global index of the rewritten event, the latest attested rewrite signed by {@code publicKey}. */
    static Map<Long, Attested> load(Connection connection, String service, byte[] publicKey) throws SQLException {
        Map<Long, Attested> attested = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT global_index, payload"
                + " FROM domain_event_entry WHERE type = ? ORDER BY global_index")) {
            select.setString(1, AGGREGATE_TYPE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredEventsResealedEvent attestation = parse(rows.getBytes(2));
                    if (attestation == null || !AuditChain.resealSignedBy(publicKey, service, attestation)) {
                        continue; // not ours: the rows it names stay ALTERED
                    }
                    for (StoredEventsResealedEvent.Rewrite rewrite : attestation.rewrites()) {
                        attested.put(rewrite.globalIndex(), new Attested(AuditChain.unhex(rewrite.chainedEntryHash()),
                                AuditChain.unhex(rewrite.storedEntryHash()), rows.getLong(1)));
                    }
                }
            }
        }
        return attested;
    }

    private static StoredEventsResealedEvent parse(byte[] payload) {
        try {
            return JSON.readValue(payload, StoredEventsResealedEvent.class);
        } catch (IOException e) {
            return null;
        }
    }
}
