package uk.schoolsocial.platform.audit;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.events.AuditMetadata;
import uk.schoolsocial.events.privacy.StoredEventsResealedEvent;

/**
 * Decision 9, point 3: seals the personal fields of events stored in plaintext (written before
 * sealing existed, or before a field was classified as personal), and attests every rewrite in the
 * chain. Runs once at start, in the transaction that holds the chain head, before any command: the
 * rows are rewritten and a {@link StoredEventsResealedEvent} signed with the service's audit key is
 * appended and chained in the same transaction, so the store is never rewritten without its
 * attestation. The chain table is not touched: the rewritten events keep the entry hash they were
 * chained with, so every checkpoint issued before still verifies, and the verifier accepts the new
 * bytes only because a later, signed attestation names exactly that change.
 * <p>
 * A row whose bytes already differ from what was chained (and from any attested rewrite) is
 * tampered: it is not resealed, so that the verification keeps reporting it, and the health
 * indicator {@code plaintextReseal} is DOWN naming it; the next start checks it again.
 */
@Singleton
public class PlaintextReseal extends AbstractHealthIndicator<Map<String, Object>> {

    /** What the event serializer knows about personal fields. */
    public interface Sealer {

        /** The personal fields of a stored type as stable text (path, subject type, key); empty when none. */
        String classification(String payloadType, String payloadRevision);

        /** The stored payload with its plaintext personal fields sealed; null when none was in plaintext. */
        byte[] seal(String payloadType, String payloadRevision, byte[] payload);
    }

    static final String ACTOR = "system:reseal";
    private static final Logger LOG = LoggerFactory.getLogger(PlaintextReseal.class);
    private static final int CHUNK = 500;
    private static final int REWRITES_PER_ATTESTATION = 1_000;

    private final CheckpointSigner signer;
    private final Checkpoints checkpoints;
    private final Clock clock;
    /** The rows the last run left as found because they differ from the chain: event ids. */
    private volatile List<String> leftAltered = List.of();
    private volatile long lastResealed;

    PlaintextReseal(CheckpointSigner signer, Checkpoints checkpoints, Clock clock) {
        this.signer = signer;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /**
     * Reseals on {@code connection}, in the caller's transaction; {@code append} stores and chains
     * the attestations on the same transaction. Returns how many events were rewritten.
     */
    public long run(Connection connection, Sealer sealer, Consumer<List<? extends EventMessage<?>>> append)
            throws SQLException {
        new EventChainWriter().lock(connection);
        Map<String, String> personalTypes = personalTypes(connection, sealer);
        String classification = fingerprint(personalTypes);
        long after = 0;
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT checked_through, classification FROM event_reseal_progress WHERE id = 1");
             ResultSet progress = read.executeQuery()) {
            if (progress.next() && progress.getString(2).equals(classification)) {
                after = progress.getLong(1);
            }
        }
        Map<Long, ResealAttestations.Attested> attested = ResealAttestations.load(connection, checkpoints.service(),
                signer.publicKey());
        List<StoredEventsResealedEvent.Rewrite> rewrites = new ArrayList<>();
        List<Long> altered = new ArrayList<>();
        List<String> alteredIds = new ArrayList<>();
        while (true) {
            List<Row> rows = chunk(connection, after);
            if (rows.isEmpty()) {
                break;
            }
            for (Row row : rows) {
                AuditChain.StoredEvent stored = row.stored();
                String type = stored.payloadType() + "|" + stored.payloadRevision();
                if (personalTypes.containsKey(type)
                        && !reseal(connection, sealer, row, attested.get(stored.globalIndex()), rewrites)) {
                    altered.add(stored.globalIndex());
                    alteredIds.add(stored.eventIdentifier());
                }
            }
            after = rows.get(rows.size() - 1).stored().globalIndex();
        }
        try (PreparedStatement save = connection.prepareStatement("INSERT INTO event_reseal_progress"
                + " (id, checked_through, classification, checked_at) VALUES (1, ?, ?, CURRENT_TIMESTAMP(6))"
                + " ON DUPLICATE KEY UPDATE checked_through = VALUES(checked_through),"
                + " classification = VALUES(classification), checked_at = VALUES(checked_at)")) {
            // A row left as found is checked again at the next start, until the tampering is dealt with.
            save.setLong(1, altered.isEmpty() ? after : altered.get(0) - 1);
            save.setString(2, classification);
            save.executeUpdate();
        }
        for (int from = 0; from < rewrites.size(); from += REWRITES_PER_ATTESTATION) {
            append.accept(List.of(attestation(rewrites.subList(from,
                    Math.min(rewrites.size(), from + REWRITES_PER_ATTESTATION)))));
        }
        leftAltered = List.copyOf(alteredIds);
        lastResealed = rewrites.size();
        return rewrites.size();
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        List<String> found = leftAltered;
        healthStatus = found.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("resealedAtStart", lastResealed);
        details.put("leftAsFound", found.size());
        details.put("events", found.stream().limit(20).toList());
        return details;
    }

    @Override
    protected String getName() {
        return "plaintextReseal";
    }

    /** False when the row differs from what was chained and was left as found; true otherwise. */
    private boolean reseal(Connection connection, Sealer sealer, Row row, ResealAttestations.Attested attested,
                        List<StoredEventsResealedEvent.Rewrite> rewrites) throws SQLException {
        AuditChain.StoredEvent stored = row.stored();
        byte[] current = AuditChain.entryHash(stored);
        boolean asChained = AuditChain.same(current, row.chainedEntryHash());
        if (!asChained && (attested == null || !attested.covers(stored.globalIndex(), row.chainedEntryHash(), current))) {
            LOG.warn("Event {} (global index {}) differs from what was chained: not resealed; the verification"
                    + " reports it and /health shows plaintextReseal DOWN", stored.eventIdentifier(),
                    stored.globalIndex());
            return false;
        }
        byte[] sealed;
        try {
            sealed = sealer.seal(stored.payloadType(), stored.payloadRevision(), stored.payload());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not seal the personal fields of event " + stored.eventIdentifier()
                    + " (global index " + stored.globalIndex() + ")", e);
        }
        if (sealed == null) {
            return true;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?")) {
            update.setBytes(1, sealed);
            update.setLong(2, stored.globalIndex());
            update.executeUpdate();
        }
        AuditChain.StoredEvent rewritten = new AuditChain.StoredEvent(stored.globalIndex(), stored.eventIdentifier(),
                stored.aggregateType(), stored.aggregateIdentifier(), stored.sequenceNumber(), stored.payloadType(),
                stored.payloadRevision(), stored.timestamp(), sealed, stored.metaData());
        rewrites.add(new StoredEventsResealedEvent.Rewrite(stored.globalIndex(), stored.eventIdentifier(),
                AuditChain.hex(row.chainedEntryHash()), AuditChain.hex(AuditChain.entryHash(rewritten))));
        return true;
    }

    private EventMessage<?> attestation(List<StoredEventsResealedEvent.Rewrite> rewrites) {
        String id = UUID.randomUUID().toString();
        String service = checkpoints.service();
        StoredEventsResealedEvent event = new StoredEventsResealedEvent(id, service, rewrites, clock.instant(),
                signer.keyId(), signer.sign(AuditChain.resealMessage(service, id, rewrites)));
        MetaData audit = MetaData.with(AuditMetadata.ACTOR_ID, ACTOR).and(AuditMetadata.ACTOR_ROLES, "SYSTEM")
                .and(AuditMetadata.SCHOOL_ID, ResealAttestations.ALL_SCHOOLS)
                .and(AuditMetadata.CORRELATION_ID, id).and(AuditMetadata.CAUSATION_ID, id);
        return new GenericDomainEventMessage<>(ResealAttestations.AGGREGATE_TYPE, id, 0L, event, audit, id,
                clock.instant());
    }

    /** The stored types (type|revision) with personal fields, and their classification. */
    private static Map<String, String> personalTypes(Connection connection, Sealer sealer) throws SQLException {
        Map<String, String> personal = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT payload_type, payload_revision FROM domain_event_entry");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String classification = sealer.classification(rows.getString(1), rows.getString(2));
                if (!classification.isEmpty()) {
                    personal.put(rows.getString(1) + "|" + rows.getString(2), classification);
                }
            }
        }
        return personal;
    }

    private static String fingerprint(Map<String, String> personalTypes) {
        MessageDigest digest = AuditChain.sha256();
        personalTypes.forEach((type, classification) -> digest.update(
                (type + "=" + classification + "\n").getBytes(StandardCharsets.UTF_8)));
        return AuditChain.hex(digest.digest());
    }

    private record Row(byte[] chainedEntryHash, AuditChain.StoredEvent stored) {
    }

    private static List<Row> chunk(Connection connection, long after) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT c.entry_hash, "
                + EventChainWriter.STORED_COLUMNS + " FROM domain_event_entry e JOIN event_chain c"
                + " ON c.global_index = e.global_index WHERE e.global_index > ? ORDER BY e.global_index LIMIT " + CHUNK)) {
            select.setLong(1, after);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getBytes(1), StoredEvents.read(result, 2)));
                }
            }
        }
        return rows;
    }
}
