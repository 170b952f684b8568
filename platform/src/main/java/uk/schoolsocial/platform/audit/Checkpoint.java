package uk.schoolsocial.platform.audit;

import uk.schoolsocial.events.AuditChain;

/**
 * The chain of one service at a size, signed (AUD-3). An auditor keeps it; any later verification
 * against it proves that the first {@code size} events are still exactly those it covered.
 */
public record Checkpoint(String service, long size, long globalIndex, String chainHash, String issuedAt,
                         String keyId, String signature) {

    /** The bytes the signature covers. */
    public byte[] signedMessage() {
        return AuditChain.checkpointMessage(service, size, globalIndex, AuditChain.unhex(chainHash), issuedAt);
    }

    public boolean signedBy(byte[] publicKeyX509) {
        return AuditChain.checkpointSignedBy(publicKeyX509, service, size, globalIndex, chainHash, issuedAt, keyId,
                signature);
    }
}
