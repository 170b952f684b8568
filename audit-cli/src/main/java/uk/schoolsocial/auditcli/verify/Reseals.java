package uk.schoolsocial.auditcli.verify;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.events.privacy.StoredEventsResealedEvent;

/**
 * Whole lines whose fields no longer hash to their chained entry hash, each waiting for a reseal
 * attestation later in the file (decision 9, point 3): one signed by the pinned key that names
 * exactly that change accepts it; any line left waiting at the end of the file is ALTERED.
 */
final class Reseals {

    private static final String RESEAL_EVENT = StoredEventsResealedEvent.class.getSimpleName();

    /** A whole line whose stored fields differ from its chained entry hash. */
    record Rewritten(long seq, long line, long globalIndex, String eventId, byte[] chained, byte[] stored) {
    }

    private final String service;
    private final byte[] publicKey;
    private final Map<Long, Rewritten> unattested = new LinkedHashMap<>();
    private long resealed;

    Reseals(String service, byte[] publicKey) {
        this.service = service;
        this.publicKey = publicKey;
    }

    void waiting(Rewritten line) {
        unattested.put(line.globalIndex(), line);
    }

    /** Whether {@code stored} (whole, as chained) is a reseal attestation. */
    static boolean isAttestation(AuditChain.StoredEvent stored) {
        return stored.payloadType().endsWith("." + RESEAL_EVENT);
    }

    /** A reseal attestation, itself whole and chained: when signed by the pinned key, the lines it names are accepted. */
    void attest(AuditChain.StoredEvent stored) {
        StoredEventsResealedEvent attestation;
        try {
            attestation = ExportJson.LENIENT.readValue(stored.payload(), StoredEventsResealedEvent.class);
        } catch (IOException | IllegalArgumentException e) {
            return; // the lines it would name stay unaccepted
        }
        if (attestation == null || !AuditChain.resealSignedBy(publicKey, service, attestation)) {
            return;
        }
        for (StoredEventsResealedEvent.Rewrite rewrite : attestation.rewrites()) {
            Rewritten line = unattested.get(rewrite.globalIndex());
            if (line != null && AuditChain.hex(line.chained()).equals(rewrite.chainedEntryHash())
                    && AuditChain.hex(line.stored()).equals(rewrite.storedEntryHash())) {
                unattested.remove(rewrite.globalIndex());
                resealed++;
            }
        }
    }

    /** The first line no attestation accepted, or null. */
    Rewritten firstUnattested() {
        return unattested.isEmpty() ? null : unattested.values().iterator().next();
    }

    long resealed() {
        return resealed;
    }
}
