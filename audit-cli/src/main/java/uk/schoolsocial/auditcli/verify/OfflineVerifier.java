package uk.schoolsocial.auditcli.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import uk.schoolsocial.auditcli.UsageException;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.events.ChainWalk;

/**
 * Checks an export file ({@code GET /api/v1/audit/{service}/export}, docs/audit-cli.md) offline,
 * with nothing but the file, the pinned public key and, optionally, a kept checkpoint. It reads the
 * manifest (the last line) first, then streams the lines once, in constant memory:
 * <ul>
 *   <li>every whole line's entry hash is recomputed with {@link AuditChain#entryHash} from its fields;
 *       a redacted line's entry hash is taken as given (its chain and the signature still cover it);</li>
 *   <li>the lines are chained with {@link AuditChain#link} from the chain hash before the range (the
 *       empty chain for a file from seq 1, the kept checkpoint's hash for a file that continues it,
 *       otherwise the manifest's {@code previousChainHash}) and each line's {@code chainHash} is compared;</li>
 *   <li>the SHA-256 of the lines, the counts and the last chain hash are compared with the manifest, and
 *       the manifest's checkpoint must be of that chain and signed (Ed25519) by the pinned key;</li>
 *   <li>a kept checkpoint inside the range must be the chain at its size;</li>
 *   <li>a whole line whose fields no longer hash to its entry hash is accepted only when a reseal
 *       attestation later in the file, signed by the pinned key, names exactly that change (the
 *       service sealed personal fields it had stored in plaintext, decision 9); otherwise ALTERED.</li>
 * </ul>
 * It stops at the first break and says where and why. The walk along the chain is {@link ChainWalk},
 * the one the service's own verification uses; the lines and the manifest are read into records
 * ({@link ExportLine}, {@link ExportManifest}); one run is a {@link VerificationRun}.
 */
public final class OfflineVerifier {

    /** What broke. */
    public enum Problem {
        /** The file has no manifest line at its end: cut short, or not an export. */
        NO_MANIFEST,
        /** A line or the manifest is not what an export holds. */
        MALFORMED,
        /** The kept checkpoint was not signed by the pinned key, or was changed. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** A file from seq 1 does not start from the empty chain. */
        START_MISMATCH,
        /** The file starts right after the kept checkpoint but not from its chain hash. */
        NOT_CONTINUING,
        /** A chain position is not in the file. */
        MISSING_LINE,
        /** A line is not where its seq says it belongs (moved, swapped or repeated). */
        REORDERED,
        /** A whole line's fields do not hash to its entry hash: the event was edited. */
        ALTERED,
        /** The service exported only the hashes of a position whose event row is gone. */
        DELETED_EVENT,
        /** A line's chain hash is not SHA-256(previous chain hash || its entry hash). */
        CHAIN_MISMATCH,
        /** The chain at the kept checkpoint's size is not the kept checkpoint's. */
        CHECKPOINT_MISMATCH,
        /** The manifest disagrees with the lines (range, counts, last hash, lines' SHA-256). */
        MANIFEST_MISMATCH,
        /** The manifest holds no signed checkpoint, so nothing in the file is proved. */
        NO_CHECKPOINT,
        /** The manifest, or its checkpoint, was not signed by the pinned key, or was changed. */
        SIGNATURE_INVALID
    }

    /** Where the chain of the file was started from. */
    public enum Start {
        /** 32 zero bytes: the file starts at seq 1. */
        GENESIS,
        /** The kept checkpoint's chain hash: the file starts right after it. */
        KEPT_CHECKPOINT,
        /** The manifest's {@code previousChainHash} (not signed; the end checkpoint vouches for the range). */
        MANIFEST
    }

    /** What became of the kept checkpoint. */
    public enum KeptOutcome { NOT_GIVEN, CONTINUED, MATCHED, NOT_REACHED, FAILED }

    /** The first break: what, where (seq, line of the file, global index, event) and why. */
    public record Break(Problem problem, Long seq, Long line, Long globalIndex, String eventId, String detail) {
    }

    /** The outcome of a verification. */
    public record Result(Path file, String service, String schoolId, long fromSeq, long toSeq, long checked,
                         long whole, long redacted, Start start, KeptCheckpoint end, KeptCheckpoint kept,
                         KeptOutcome keptOutcome, Break firstBreak, long resealed) {

        public boolean intact() {
            return firstBreak == null;
        }
    }

    /** Where a verification stands, line by line: lines and bytes read. */
    public interface Listener {
        void at(long lines, long bytes);
    }

    /**
     * Verifies {@code file} against the pinned key (X.509 Ed25519) and, if not null, a kept checkpoint.
     *
     * @throws UsageException when the inputs cannot be compared (unreadable file, a checkpoint of
     *                        another service, a checkpoint neither at the file's start nor inside it)
     */
    public Result verify(Path file, byte[] publicKey, KeptCheckpoint kept) {
        return verify(file, publicKey, kept, (lines, bytes) -> { });
    }

    /** As {@link #verify(Path, byte[], KeptCheckpoint)}, telling {@code listener} after each line. */
    public Result verify(Path file, byte[] publicKey, KeptCheckpoint kept, Listener listener) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException("No readable file " + file);
        }
        try {
            return new VerificationRun(file, publicKey, kept, listener).run();
        } catch (IOException e) {
            throw new UsageException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** What the manifest of an export file (its last line) says, or null if the last line is none. */
    public static Manifest readManifest(Path file) throws IOException {
        com.fasterxml.jackson.databind.JsonNode manifest = ExportFile.manifestNode(ExportFile.readTail(file).line());
        if (manifest == null) {
            return null;
        }
        try {
            return ExportJson.LENIENT.treeToValue(manifest, Manifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** The manifest as the download reports it. */
    public record Manifest(String service, Long fromSeq, Long toSeq, Long events, Long redacted) {
    }
}
