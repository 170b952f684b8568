package uk.schoolsocial.auditcli.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import uk.schoolsocial.auditcli.UsageException;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.events.privacy.StoredEventsResealedEvent;

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
 * It stops at the first break and says where and why.
 */
public final class OfflineVerifier {

    static final String FORMAT = "school-social/audit-export/v1";

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

    private static final long MAX_LINE = 64L * 1024 * 1024;
    private static final String RESEAL_EVENT = StoredEventsResealedEvent.class.getSimpleName();

    /** A whole line whose stored fields differ from its chained entry hash. */
    private record Rewritten(long seq, long line, long globalIndex, String eventId, byte[] chained, byte[] stored) {
    }

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Verifies {@code file} against the pinned key (X.509 Ed25519) and, if not null, a kept checkpoint.
     *
     * @throws UsageException when the inputs cannot be compared (unreadable file, a checkpoint of
     *                        another service, a checkpoint neither at the file's start nor inside it)
     */
    public Result verify(Path file, byte[] publicKey, KeptCheckpoint kept) {
        return verify(file, publicKey, kept, (lines, bytes) -> { });
    }

    /** Where a verification stands, line by line: lines and bytes read. */
    public interface Listener {
        void at(long lines, long bytes);
    }

    /** As {@link #verify(Path, byte[], KeptCheckpoint)}, telling {@code listener} after each line. */
    public Result verify(Path file, byte[] publicKey, KeptCheckpoint kept, Listener listener) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException("No readable file " + file);
        }
        try {
            Run run = new Run(file, publicKey, kept);
            run.listener = listener;
            return run.run();
        } catch (IOException e) {
            throw new UsageException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One verification: its state while the lines stream past. */
    private final class Run {
        private final Path file;
        private final byte[] publicKey;
        private final KeptCheckpoint kept;
        private final MessageDigest linesDigest = AuditChain.sha256();

        private String service;
        private String schoolId;
        private long fromSeq;
        private long toSeq;
        private long checked;
        private long whole;
        private long redacted;
        private long lastGlobalIndex = -1;
        private Start start;
        private KeptCheckpoint end;
        private KeptOutcome keptOutcome;
        private Break firstBreak;
        /** Whole lines whose bytes differ from their chained hash, waiting for a later reseal attestation. */
        private final java.util.Map<Long, Rewritten> unattested = new java.util.LinkedHashMap<>();
        private long resealed;
        private Listener listener = (lines, bytes) -> { };
        private long bytesRead;

        Run(Path file, byte[] publicKey, KeptCheckpoint kept) {
            this.file = file;
            this.publicKey = publicKey;
            this.kept = kept;
            this.keptOutcome = kept == null ? KeptOutcome.NOT_GIVEN : KeptOutcome.NOT_REACHED;
        }

        Result run() throws IOException {
            Tail tail = readTail(file);
            JsonNode manifest = manifest(tail);
            if (manifest != null) {
                byte[] chain = startingChain(manifest);
                if (chain != null) {
                    chain = lines(tail.offset(), chain);
                    if (firstBreak == null && !unattested.isEmpty()) {
                        Rewritten first = unattested.values().iterator().next();
                        fail(Problem.ALTERED, first.seq(), first.line(), first.globalIndex(), first.eventId(),
                                "The fields of event " + first.eventId() + " do not hash to its entry hash "
                                + AuditChain.hex(first.chained()) + " but to " + AuditChain.hex(first.stored())
                                + ", and no reseal attestation signed by the pinned key later in this file names that"
                                + " change: its payload, metadata or another field was changed after it was chained.");
                    }
                    if (firstBreak == null) {
                        checkManifest(manifest, chain);
                    }
                }
            }
            if (firstBreak == null && start == Start.KEPT_CHECKPOINT) {
                keptOutcome = KeptOutcome.CONTINUED;
            }
            return new Result(file, service, schoolId, fromSeq, toSeq, checked, whole, redacted, start, end, kept,
                    keptOutcome, firstBreak, resealed);
        }

        private JsonNode manifest(Tail tail) {
            if (tail.line().length == 0) {
                fail(Problem.NO_MANIFEST, null, null, null, null,
                        "The file is empty or ends in a blank line: no manifest, so the download was cut short.");
                return null;
            }
            JsonNode line;
            try {
                line = json.readTree(tail.line());
            } catch (IOException e) {
                line = null;
            }
            JsonNode manifest = line == null ? null : line.get("manifest");
            if (manifest == null || !manifest.isObject()) {
                fail(Problem.NO_MANIFEST, null, null, null, null,
                        "The last line is not {\"manifest\": ...}: the download was cut short or lines were added.");
                return null;
            }
            try {
                String format = requiredText(manifest, "format");
                if (!FORMAT.equals(format)) {
                    throw new Malformed("the manifest's format is '" + format + "', this tool reads " + FORMAT);
                }
                service = requiredText(manifest, "service");
                schoolId = optionalText(manifest, "schoolId");
                fromSeq = requiredLong(manifest, "fromSeq");
                toSeq = requiredLong(manifest, "toSeq");
                if (fromSeq < 1) {
                    throw new Malformed("the manifest's fromSeq is " + fromSeq);
                }
                requiredLong(manifest, "events");
                requiredLong(manifest, "redacted");
                optionalHash(manifest, "previousChainHash");
                optionalHash(manifest, "lastChainHash");
                if (!requiredText(manifest, "linesSha256").matches("[0-9a-f]{64}")) {
                    throw new Malformed("the manifest's linesSha256 is not 64 hex digits");
                }
                return manifest;
            } catch (Malformed e) {
                fail(Problem.MALFORMED, null, null, null, null, "The manifest is malformed: " + e.getMessage() + ".");
                return null;
            }
        }

        /** The chain hash before the first line, from the anchor the inputs allow; null after a break. */
        private byte[] startingChain(JsonNode manifest) {
            byte[] previous = optionalHash(manifest, "previousChainHash");
            if (kept != null) {
                if (!kept.service().equals(service)) {
                    throw new UsageException("The kept checkpoint is of service '" + kept.service()
                            + "', the file of '" + service + "'.");
                }
                if (kept.size() != fromSeq - 1 && (kept.size() < fromSeq || kept.size() > toSeq)) {
                    throw new UsageException("The kept checkpoint (size " + kept.size() + ") is neither right before"
                            + " the file (seq " + fromSeq + " to " + toSeq + ") nor inside it: download from seq "
                            + (kept.size() + 1) + ", or a range that contains seq " + kept.size() + ".");
                }
                if (!kept.signedBy(publicKey)) {
                    keptOutcome = KeptOutcome.FAILED;
                    fail(Problem.CHECKPOINT_SIGNATURE_INVALID, kept.size(), null, kept.globalIndex(), null,
                            "The kept checkpoint cannot be trusted: " + kept.whyNotSignedBy(publicKey) + ".");
                    return null;
                }
            }
            if (fromSeq == 1 && (previous == null || !AuditChain.same(previous, AuditChain.GENESIS))) {
                fail(Problem.START_MISMATCH, 1L, null, null, null, "The file starts at seq 1, so the chain before it"
                        + " must be the empty chain (32 zero bytes), but the manifest says "
                        + (previous == null ? "nothing" : AuditChain.hex(previous)) + ".");
                return null;
            }
            if (kept != null && kept.size() == fromSeq - 1) {
                byte[] keptHash = AuditChain.unhex(kept.chainHash());
                if (previous == null || !AuditChain.same(previous, keptHash)) {
                    keptOutcome = KeptOutcome.FAILED;
                    fail(Problem.NOT_CONTINUING, fromSeq, null, null, null, "The file does not continue the kept"
                            + " checkpoint: it says the chain before seq " + fromSeq + " was "
                            + (previous == null ? "nothing" : AuditChain.hex(previous)) + ", the kept checkpoint of"
                            + " size " + kept.size() + " says " + kept.chainHash() + ". Something before seq "
                            + fromSeq + " was rewritten since the checkpoint was kept, or the file is of another log.");
                    return null;
                }
                start = Start.KEPT_CHECKPOINT;
                return keptHash;
            }
            if (fromSeq == 1) {
                start = Start.GENESIS;
                return AuditChain.GENESIS;
            }
            if (previous == null) {
                fail(Problem.MALFORMED, fromSeq, null, null, null,
                        "The manifest has no previousChainHash for a range that starts at seq " + fromSeq
                                + ": the service's chain does not reach seq " + (fromSeq - 1) + ".");
                return null;
            }
            start = Start.MANIFEST;
            return previous;
        }

        /** Streams the lines before the manifest, chaining them; the chain hash at the end. */
        private byte[] lines(long manifestOffset, byte[] chain) throws IOException {
            long expected = fromSeq;
            long lineNumber = 0;
            try (InputStream in = Files.newInputStream(file)) {
                LineReader reader = new LineReader(in, manifestOffset);
                byte[] bytes;
                while ((bytes = reader.next()) != null) {
                    lineNumber++;
                    bytesRead += bytes.length + 1;
                    listener.at(lineNumber, bytesRead);
                    linesDigest.update(bytes);
                    linesDigest.update((byte) '\n');
                    JsonNode line;
                    long seq;
                    try {
                        line = parse(bytes);
                        seq = requiredLong(line, "seq");
                    } catch (Malformed e) {
                        fail(Problem.MALFORMED, expected, lineNumber, null, null,
                                "Line " + lineNumber + " is not an export line: " + e.getMessage() + ".");
                        return chain;
                    }
                    if (seq != expected) {
                        sequenceBreak(reader, expected, seq, lineNumber);
                        return chain;
                    }
                    chain = line(line, seq, lineNumber, chain);
                    if (firstBreak != null) {
                        return chain;
                    }
                    checked++;
                    expected++;
                }
            }
            return chain;
        }

        /** Checks one line in place; the chain hash after it. */
        private byte[] line(JsonNode line, long seq, long lineNumber, byte[] chain) {
            byte[] entry;
            byte[] stated;
            long globalIndex;
            String eventId = optionalTextQuietly(line, "eventId");
            boolean isRedacted = line.path("redacted").asBoolean(false);
            try {
                globalIndex = requiredLong(line, "globalIndex");
                entry = requiredHash(line, "entryHash");
                stated = requiredHash(line, "chainHash");
                if (!isRedacted) {
                    AuditChain.StoredEvent stored = new AuditChain.StoredEvent(globalIndex,
                            requiredText(line, "eventId"), optionalText(line, "aggregateType"),
                            optionalText(line, "aggregateId"), requiredLong(line, "sequenceNumber"),
                            requiredText(line, "payloadType"), optionalText(line, "payloadRevision"),
                            requiredText(line, "timestamp"), base64(line, "payload"), base64(line, "metaData"));
                    byte[] recomputed = AuditChain.entryHash(stored);
                    if (!AuditChain.same(entry, recomputed)) {
                        // Tampering, unless a reseal attestation further on names exactly this change (decision 9).
                        unattested.put(globalIndex, new Rewritten(seq, lineNumber, globalIndex, eventId, entry,
                                recomputed));
                    } else if (stored.payloadType().endsWith("." + RESEAL_EVENT)) {
                        attest(stored);
                    }
                }
            } catch (Malformed e) {
                fail(Problem.MALFORMED, seq, lineNumber, null, eventId,
                        "Line " + lineNumber + " is not an export line: " + e.getMessage() + ".");
                return chain;
            }
            if (isRedacted && line.path("missing").asBoolean(false)) {
                fail(Problem.DELETED_EVENT, seq, lineNumber, globalIndex, null, "The service exported only the"
                        + " hashes of seq " + seq + " because the row of its event (global index " + globalIndex
                        + ") is gone from the event table: the event was deleted after it was chained.");
                return chain;
            }
            byte[] next = AuditChain.link(chain, entry);
            if (!AuditChain.same(next, stated)) {
                fail(Problem.CHAIN_MISMATCH, seq, lineNumber, globalIndex, eventId, "The chain hash of seq " + seq
                        + " should be SHA-256(chain hash before it || its entry hash) = " + AuditChain.hex(next)
                        + " but the line says " + AuditChain.hex(stated) + ": a line before it was removed, added"
                        + " or moved, or hashes were edited.");
                return next;
            }
            if (kept != null && kept.size() == seq) {
                if (!kept.chainHash().equals(AuditChain.hex(next)) || kept.globalIndex() != globalIndex) {
                    keptOutcome = KeptOutcome.FAILED;
                    fail(Problem.CHECKPOINT_MISMATCH, seq, lineNumber, globalIndex, eventId, "The kept checkpoint"
                            + " says the chain of size " + seq + " ends at global index " + kept.globalIndex()
                            + " with hash " + kept.chainHash() + ", the file gives global index " + globalIndex
                            + " and " + AuditChain.hex(next) + ": the first " + seq + " events are no longer those"
                            + " the checkpoint covered.");
                    return next;
                }
                keptOutcome = KeptOutcome.MATCHED;
            }
            if (isRedacted) {
                redacted++;
            } else {
                whole++;
            }
            lastGlobalIndex = globalIndex;
            return next;
        }

        /**
         * A reseal attestation (decision 9, point 3), itself whole and chained: when signed by the pinned
         * key, the earlier lines it names are accepted exactly as rewritten.
         */
        private void attest(AuditChain.StoredEvent stored) {
            JsonNode attestation;
            java.util.List<StoredEventsResealedEvent.Rewrite> rewrites = new java.util.ArrayList<>();
            boolean signed;
            try {
                attestation = json.readTree(stored.payload());
                for (JsonNode rewrite : attestation.path("rewrites")) {
                    rewrites.add(new StoredEventsResealedEvent.Rewrite(rewrite.path("globalIndex").asLong(),
                            rewrite.path("eventId").asText(), rewrite.path("chainedEntryHash").asText(),
                            rewrite.path("storedEntryHash").asText()));
                }
                String by = attestation.path("service").asText();
                signed = service.equals(by)
                        && AuditChain.keyId(publicKey).equals(attestation.path("keyId").asText())
                        && AuditChain.verifySignature(publicKey, AuditChain.resealMessage(by,
                        attestation.path("attestationId").asText(), rewrites),
                        Base64.getDecoder().decode(attestation.path("signature").asText()));
            } catch (IOException | IllegalArgumentException e) {
                signed = false; // the lines it would name stay unaccepted
            }
            if (!signed) {
                return;
            }
            for (StoredEventsResealedEvent.Rewrite rewrite : rewrites) {
                Rewritten line = unattested.get(rewrite.globalIndex());
                if (line != null && AuditChain.hex(line.chained()).equals(rewrite.chainedEntryHash())
                        && AuditChain.hex(line.stored()).equals(rewrite.storedEntryHash())) {
                    unattested.remove(rewrite.globalIndex());
                    resealed++;
                }
            }
        }

        /** A line that is not the next seq: is the expected one elsewhere in the file (moved) or gone? */
        private void sequenceBreak(LineReader reader, long expected, long found, long lineNumber) throws IOException {
            if (found < expected) {
                fail(Problem.REORDERED, found, lineNumber, null, null, "Line " + lineNumber + " holds seq " + found
                        + " where seq " + expected + " belongs: seq " + found + " was moved or repeated.");
                return;
            }
            long laterLine = lineNumber;
            byte[] bytes;
            while ((bytes = reader.next()) != null) {
                laterLine++;
                try {
                    if (requiredLong(parse(bytes), "seq") == expected) {
                        fail(Problem.REORDERED, expected, lineNumber, null, null, "Seq " + expected
                                + " belongs on line " + lineNumber + " but is on line " + laterLine + " (line "
                                + lineNumber + " holds seq " + found + "): lines were moved.");
                        return;
                    }
                } catch (Malformed e) {
                    // looking for the expected seq only; the break is already found
                }
            }
            fail(Problem.MISSING_LINE, expected, lineNumber, null, null, "Seq " + expected
                    + (found - expected > 1 ? " to " + (found - 1) + " are" : " is") + " not in the file: line "
                    + lineNumber + " holds seq " + found + ". A line was removed.");
        }

        private void checkManifest(JsonNode manifest, byte[] chain) {
            long lastSeq = fromSeq + checked - 1;
            if (toSeq > lastSeq) {
                fail(Problem.MISSING_LINE, lastSeq + 1, null, null, null, "The manifest says the range ends at seq "
                        + toSeq + " but the file's lines end at seq " + lastSeq + ": the lines after it were removed.");
                return;
            }
            if (toSeq < lastSeq) {
                fail(Problem.MANIFEST_MISMATCH, toSeq + 1, null, null, null, "The manifest says the range ends at seq "
                        + toSeq + " but the file's lines go on to seq " + lastSeq + ": lines were added.");
                return;
            }
            long events = manifest.get("events").asLong();
            long redactedLines = manifest.get("redacted").asLong();
            if (events != whole || redactedLines != redacted) {
                fail(Problem.MANIFEST_MISMATCH, null, null, null, null, "The manifest counts " + events + " whole and "
                        + redactedLines + " redacted lines, the file holds " + whole + " and " + redacted + ".");
                return;
            }
            byte[] last = optionalHash(manifest, "lastChainHash");
            if (last == null || !AuditChain.same(last, chain)) {
                fail(Problem.MANIFEST_MISMATCH, lastSeq, null, null, null, "The manifest's lastChainHash is "
                        + (last == null ? "absent" : AuditChain.hex(last)) + ", the file's chain ends at "
                        + AuditChain.hex(chain) + ".");
                return;
            }
            String linesSha256 = AuditChain.hex(linesDigest.digest());
            if (!linesSha256.equals(manifest.get("linesSha256").asText())) {
                fail(Problem.MANIFEST_MISMATCH, null, null, null, null, "The SHA-256 of the lines is " + linesSha256
                        + ", the manifest says " + manifest.get("linesSha256").asText()
                        + ": the lines are not byte for byte those the service exported.");
                return;
            }
            JsonNode signed = manifest.get("checkpoint");
            if (signed == null || signed.isNull()) {
                fail(Problem.NO_CHECKPOINT, lastSeq, null, null, null,
                        "The manifest holds no signed checkpoint, so nothing in the file is proved.");
                return;
            }
            try {
                end = KeptCheckpoint.from(signed);
            } catch (IllegalArgumentException e) {
                fail(Problem.MALFORMED, lastSeq, null, null, null,
                        "The manifest's checkpoint is malformed: " + e.getMessage() + ".");
                return;
            }
            if (!end.service().equals(service) || end.size() != lastSeq
                    || !end.chainHash().equals(AuditChain.hex(chain))
                    || (checked > 0 && end.globalIndex() != lastGlobalIndex)) {
                fail(Problem.MANIFEST_MISMATCH, lastSeq, null, null, null, "The manifest's checkpoint is of "
                        + end.service() + " at size " + end.size() + " (global index " + end.globalIndex() + ", chain "
                        + end.chainHash() + "), the file's chain is of " + service + " at size " + lastSeq
                        + " (global index " + lastGlobalIndex + ", chain " + AuditChain.hex(chain) + ").");
                return;
            }
            if (!end.signedBy(publicKey)) {
                fail(Problem.SIGNATURE_INVALID, end.size(), null, end.globalIndex(), null,
                        "The manifest's checkpoint cannot be trusted: " + end.whyNotSignedBy(publicKey) + ".");
                return;
            }
            JsonNode signature = manifest.get("signature");
            byte[] message = AuditChain.exportMessage(service, schoolId, fromSeq, toSeq, whole, redacted, linesSha256,
                    AuditChain.hex(chain));
            boolean signedManifest;
            try {
                signedManifest = signature != null && signature.isTextual() && AuditChain.verifySignature(publicKey,
                        message, java.util.Base64.getDecoder().decode(signature.asText()));
            } catch (IllegalArgumentException e) {
                signedManifest = false;
            }
            if (!signedManifest) {
                fail(Problem.SIGNATURE_INVALID, lastSeq, null, null, null, "The manifest's own signature is "
                        + (signature == null ? "missing" : "not valid") + " for the pinned key: its counts of whole and"
                        + " redacted lines, or its school, were changed, or it was not written by the suite.");
            }
        }

        private void fail(Problem problem, Long seq, Long line, Long globalIndex, String eventId, String detail) {
            if (firstBreak == null) {
                firstBreak = new Break(problem, seq, line, globalIndex, eventId, detail);
            }
        }
    }

    private JsonNode parse(byte[] bytes) throws Malformed {
        if (bytes.length == 0) {
            throw new Malformed("it is blank");
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new Malformed("it is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Malformed("it is not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new Malformed(e.getMessage());
        }
    }

    private static String requiredText(JsonNode node, String field) throws Malformed {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new Malformed("no text field '" + field + "'");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) throws Malformed {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Malformed("'" + field + "' is not text");
        }
        return value.asText();
    }

    private static String optionalTextQuietly(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static long requiredLong(JsonNode node, String field) throws Malformed {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Malformed("no whole-number field '" + field + "'");
        }
        return value.asLong();
    }

    private static byte[] requiredHash(JsonNode node, String field) throws Malformed {
        String hex = requiredText(node, field);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new Malformed("'" + field + "' is not 64 hex digits");
        }
        return AuditChain.unhex(hex);
    }

    private static byte[] optionalHash(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !value.asText().matches("[0-9a-f]{64}")) {
            throw new Malformed("'" + field + "' is not 64 hex digits");
        }
        return AuditChain.unhex(value.asText());
    }

    private static byte[] base64(JsonNode node, String field) throws Malformed {
        String text = optionalText(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Malformed("'" + field + "' is not base64");
        }
    }


    /** The manifest of an export file (its last line), or null if the last line is none. */
    public static JsonNode readManifest(Path file) throws IOException {
        byte[] line = readTail(file).line();
        if (line.length == 0) {
            return null;
        }
        try {
            JsonNode manifest = new ObjectMapper().readTree(line).get("manifest");
            return manifest != null && manifest.isObject() ? manifest : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The last line (without its newline) and where it starts. */
    record Tail(long offset, byte[] line) {
    }

    static Tail readTail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            if (end > 0) {
                in.seek(end - 1);
                if (in.read() == '\n') {
                    end--;
                }
            }
            long start = 0;
            byte[] block = new byte[8192];
            long position = end;
            search:
            while (position > 0) {
                int size = (int) Math.min(block.length, position);
                in.seek(position - size);
                in.readFully(block, 0, size);
                for (int i = size - 1; i >= 0; i--) {
                    if (block[i] == '\n') {
                        start = position - size + i + 1;
                        break search;
                    }
                }
                position -= size;
            }
            if (end - start > MAX_LINE) {
                return new Tail(start, new byte[0]);
            }
            byte[] line = new byte[(int) (end - start)];
            in.seek(start);
            in.readFully(line);
            return new Tail(start, line);
        }
    }

    /** Reads newline-terminated lines up to a byte offset, one line in memory at a time. */
    static final class LineReader {
        private final InputStream in;
        private final long limit;
        private final byte[] buffer = new byte[1 << 16];
        private int filled;
        private int next;
        private long position;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);

        LineReader(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        /** The next line without its newline, or null at the limit. */
        byte[] next() throws IOException {
            if (position >= limit) {
                return null;
            }
            line.reset();
            while (position < limit) {
                if (next == filled) {
                    filled = in.read(buffer, 0, (int) Math.min(buffer.length, limit - position));
                    next = 0;
                    if (filled <= 0) {
                        filled = 0;
                        break;
                    }
                }
                int from = next;
                int stop = from;
                while (stop < filled && buffer[stop] != '\n') {
                    stop++;
                }
                line.write(buffer, from, stop - from);
                position += stop - from;
                if (line.size() > MAX_LINE) {
                    throw new IOException("a line longer than " + MAX_LINE + " bytes");
                }
                if (stop < filled) {
                    next = stop + 1;
                    position++;
                    return line.toByteArray();
                }
                next = filled;
            }
            return line.toByteArray();
        }
    }

    /** A line or manifest field that is not what an export holds. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
