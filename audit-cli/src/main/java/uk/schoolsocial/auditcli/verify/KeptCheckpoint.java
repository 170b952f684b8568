package uk.schoolsocial.auditcli.verify;

import static uk.schoolsocial.auditcli.verify.ExportJson.requiredLong;
import static uk.schoolsocial.auditcli.verify.ExportJson.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import uk.schoolsocial.events.AuditChain;

/**
 * A signed checkpoint of a service's chain (docs/audit.md), as the suite serves it and as an
 * auditor keeps it: in {@code cp.json}, in a verification's answer, in an export's manifest.
 */
public record KeptCheckpoint(String service, long size, long globalIndex, String chainHash, String issuedAt,
                             String keyId, String signature) {

    /** The fields as JSON holds them; every one required. */
    record Json(String service, Long size, Long globalIndex, String chainHash, String issuedAt,
                        String keyId, String signature) {
    }

    /**
     * Reads a checkpoint object, or an object holding one under {@code checkpoint} (a saved
     * verification answer, a manifest) or a manifest line of an export.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static KeptCheckpoint from(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (node.path("manifest").isObject()) {
            node = node.get("manifest");
        }
        if (!node.has("chainHash") && node.path("checkpoint").isObject()) {
            node = node.get("checkpoint");
        }
        KeptCheckpoint checkpoint;
        try {
            Json json = ExportJson.read(node, Json.class);
            checkpoint = new KeptCheckpoint(requiredText(json.service(), "service"),
                    requiredLong(json.size(), "size"), requiredLong(json.globalIndex(), "globalIndex"),
                    requiredText(json.chainHash(), "chainHash"), requiredText(json.issuedAt(), "issuedAt"),
                    requiredText(json.keyId(), "keyId"), requiredText(json.signature(), "signature"));
        } catch (ExportJson.Malformed e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (!checkpoint.chainHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("chainHash is not 64 lowercase hex digits");
        }
        return checkpoint;
    }

    /** The exact bytes its signature covers ({@link AuditChain#checkpointMessage}). */
    public byte[] signedMessage() {
        return AuditChain.checkpointMessage(service, size, globalIndex, AuditChain.unhex(chainHash), issuedAt);
    }

    /** Whether the pinned key signed it, as it is. */
    public boolean signedBy(byte[] publicKeyX509) {
        return AuditChain.checkpointSignedBy(publicKeyX509, service, size, globalIndex, chainHash, issuedAt, keyId,
                signature);
    }

    /** Why {@link #signedBy} says no, in words. */
    public String whyNotSignedBy(byte[] publicKeyX509) {
        String pinned = AuditChain.keyId(publicKeyX509);
        if (!pinned.equals(keyId)) {
            return "it names key " + keyId + ", the pinned key is " + pinned;
        }
        return "its Ed25519 signature does not verify with the pinned key: a field or the signature was changed";
    }
}
