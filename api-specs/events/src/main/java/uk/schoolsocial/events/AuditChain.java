package uk.schoolsocial.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The tamper-evidence format of AUD-3, published so that an auditor can check a service's log
 * with nothing but this class (docs/audit.md). Each stored event gets an entry hash over its exact
 * stored bytes; the chain hash links it to everything before it:
 * {@code chain(n) = SHA-256(chain(n-1) || entry(n))}, {@code chain(0) = 32 zero bytes}.
 * A checkpoint is the chain hash at a size, signed with Ed25519.
 */
public final class AuditChain {

    /** The chain hash of the empty log. */
    public static final byte[] GENESIS = new byte[32];

    private static final byte[] ENTRY_TAG = "school-social/event/v1".getBytes(StandardCharsets.US_ASCII);
    private static final String CHECKPOINT_TAG = "school-social/checkpoint/v1";
    private static final String EXPORT_TAG = "school-social/export/v1";
    private static final String RESEAL_TAG = "school-social/reseal/v1";

    private AuditChain() {
    }

    /** One row of a service's event table, as stored. Text columns are hashed as UTF-8. */
    public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateType,
                              String aggregateIdentifier, long sequenceNumber, String payloadType,
                              String payloadRevision, String timestamp, byte[] payload, byte[] metaData) {
    }

    /**
     * SHA-256 over a tag and every column, each as a 4-byte big-endian length and its bytes (a
     * null column as length -1), so that no two different rows share an encoding.
     */
    public static byte[] entryHash(StoredEvent event) {
        MessageDigest digest = sha256();
        digest.update(ENTRY_TAG);
        field(digest, ascii(Long.toString(event.globalIndex())));
        field(digest, utf8(event.eventIdentifier()));
        field(digest, utf8(event.aggregateType()));
        field(digest, utf8(event.aggregateIdentifier()));
        field(digest, ascii(Long.toString(event.sequenceNumber())));
        field(digest, utf8(event.payloadType()));
        field(digest, utf8(event.payloadRevision()));
        field(digest, utf8(event.timestamp()));
        field(digest, event.payload());
        field(digest, event.metaData());
        return digest.digest();
    }

    /** The chain hash after appending an entry to a chain whose hash is {@code previous}. */
    public static byte[] link(byte[] previous, byte[] entryHash) {
        MessageDigest digest = sha256();
        digest.update(previous);
        digest.update(entryHash);
        return digest.digest();
    }

    /** The exact bytes an Ed25519 checkpoint signature covers. */
    public static byte[] checkpointMessage(String service, long size, long globalIndex, byte[] chainHash,
                                           String issuedAt) {
        String text = CHECKPOINT_TAG + "\nservice=" + service + "\nsize=" + size + "\nglobalIndex=" + globalIndex
                + "\nchainHash=" + hex(chainHash) + "\nissuedAt=" + issuedAt + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The exact bytes the Ed25519 signature of an export's manifest covers: what was exported to
     * whom, how many lines came whole and how many as hashes only, and the SHA-256 of the lines.
     * With it, no line can be turned from whole into redacted, or the other way, unnoticed.
     */
    public static byte[] exportMessage(String service, String schoolId, long fromSeq, long toSeq, long events,
                                       long redacted, String linesSha256, String lastChainHash) {
        String text = EXPORT_TAG + "\nservice=" + service + "\nschoolId=" + schoolId + "\nfromSeq=" + fromSeq
                + "\ntoSeq=" + toSeq + "\nevents=" + events + "\nredacted=" + redacted + "\nlinesSha256=" + linesSha256
                + "\nlastChainHash=" + lastChainHash + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The exact bytes the Ed25519 signature of a reseal attestation covers
     * ({@link uk.schoolsocial.events.privacy.StoredEventsResealedEvent}): which service, which
     * attestation, and every rewrite as global index, event id, chained and stored entry hash.
     */
    public static byte[] resealMessage(String service, String attestationId,
                                       java.util.List<uk.schoolsocial.events.privacy.StoredEventsResealedEvent.Rewrite> rewrites) {
        StringBuilder text = new StringBuilder(RESEAL_TAG).append("\nservice=").append(service)
                .append("\nattestationId=").append(attestationId).append('\n');
        for (uk.schoolsocial.events.privacy.StoredEventsResealedEvent.Rewrite rewrite : rewrites) {
            text.append("rewrite=").append(rewrite.globalIndex()).append(',').append(rewrite.eventId()).append(',')
                    .append(rewrite.chainedEntryHash()).append(',').append(rewrite.storedEntryHash()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message} by the X.509-encoded key. */
    public static boolean verifySignature(byte[] publicKeyX509, byte[] message, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKeyX509));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether a checkpoint, as kept (hex chain hash, base64 signature), names this key and carries its valid
     * Ed25519 signature over {@link #checkpointMessage}; false for anything malformed.
     */
    public static boolean checkpointSignedBy(byte[] publicKeyX509, String service, long size, long globalIndex,
                                             String chainHashHex, String issuedAt, String keyId, String signature) {
        try {
            return keyId(publicKeyX509).equals(keyId) && verifySignature(publicKeyX509,
                    checkpointMessage(service, size, globalIndex, unhex(chainHashHex), issuedAt),
                    java.util.Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether a reseal attestation is of {@code service}, names this key and carries its valid Ed25519
     * signature over {@link #resealMessage}; false for anything malformed. Only such an attestation
     * lets a verifier accept the rewrites it names (decision 9, point 3).
     */
    public static boolean resealSignedBy(byte[] publicKeyX509, String service,
                                         uk.schoolsocial.events.privacy.StoredEventsResealedEvent attestation) {
        try {
            return service.equals(attestation.service()) && keyId(publicKeyX509).equals(attestation.keyId())
                    && verifySignature(publicKeyX509, resealMessage(attestation.service(), attestation.attestationId(),
                    attestation.rewrites()), java.util.Base64.getDecoder().decode(attestation.signature()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** A short, stable name for a public key: the first 16 hex digits of its SHA-256. */
    public static String keyId(byte[] publicKeyX509) {
        return hex(sha256().digest(publicKeyX509)).substring(0, 16);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    /** A new SHA-256 digest, the hash of every part of the audit format. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
