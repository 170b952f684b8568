package uk.schoolsocial.auditcli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import uk.schoolsocial.auditcli.verify.ExportJson.Malformed;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.Break;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.KeptOutcome;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.Listener;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.Problem;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.Result;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.Start;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.events.ChainWalk;

/** One offline verification ({@link OfflineVerifier}): its state while the lines stream past. */
final class VerificationRun {

    private final Path file;
    private final byte[] publicKey;
    private final KeptCheckpoint kept;
    private final Listener listener;
    private final MessageDigest linesDigest = AuditChain.sha256();

    private ExportManifest manifest;
    /** The manifest as far as it could be read, for the report (also when it is malformed). */
    private ExportManifest shown;
    private long checked;
    private long whole;
    private long redacted;
    private Start start;
    private KeptCheckpoint end;
    private KeptOutcome keptOutcome;
    private Break firstBreak;
    private Reseals reseals;
    private long bytesRead;

    VerificationRun(Path file, byte[] publicKey, KeptCheckpoint kept, Listener listener) {
        this.file = file;
        this.publicKey = publicKey;
        this.kept = kept;
        this.listener = listener;
        this.keptOutcome = kept == null ? KeptOutcome.NOT_GIVEN : KeptOutcome.NOT_REACHED;
    }

    Result run() throws IOException {
        ExportFile.Tail tail = ExportFile.readTail(file);
        manifest = manifest(tail);
        if (manifest != null) {
            reseals = new Reseals(manifest.service(), publicKey);
            ChainWalk walk = startingWalk();
            if (walk != null) {
                lines(tail.offset(), walk);
                Reseals.Rewritten first = reseals.firstUnattested();
                if (firstBreak == null && first != null) {
                    fail(Problem.ALTERED, first.seq(), first.line(), first.globalIndex(), first.eventId(),
                            "The fields of event " + first.eventId() + " do not hash to its entry hash "
                            + AuditChain.hex(first.chained()) + " but to " + AuditChain.hex(first.stored())
                            + ", and no reseal attestation signed by the pinned key later in this file names that"
                            + " change: its payload, metadata or another field was changed after it was chained.");
                }
                if (firstBreak == null) {
                    ExportManifest.Outcome outcome = manifest.check(new ExportManifest.Lines(checked, whole, redacted,
                            walk.chain(), AuditChain.hex(linesDigest.digest()), walk.globalIndex()), publicKey);
                    end = outcome.end();
                    firstBreak = outcome.why();
                }
            }
        }
        if (firstBreak == null && start == Start.KEPT_CHECKPOINT) {
            keptOutcome = KeptOutcome.CONTINUED;
        }
        boolean known = shown != null && ExportManifest.FORMAT.equals(shown.format());
        return new Result(file, known ? shown.service() : null, known ? shown.schoolId() : null,
                known && shown.fromSeq() != null ? shown.fromSeq() : 0, known && shown.toSeq() != null ? shown.toSeq() : 0,
                checked, whole, redacted, start, end, kept, keptOutcome, firstBreak,
                reseals == null ? 0 : reseals.resealed());
    }

    private ExportManifest manifest(ExportFile.Tail tail) {
        if (tail.line().length == 0) {
            fail(Problem.NO_MANIFEST, null, null, null, null,
                    "The file is empty or ends in a blank line: no manifest, so the download was cut short.");
            return null;
        }
        JsonNode node = ExportFile.manifestNode(tail.line());
        if (node == null) {
            fail(Problem.NO_MANIFEST, null, null, null, null,
                    "The last line is not {\"manifest\": ...}: the download was cut short or lines were added.");
            return null;
        }
        try {
            shown = ExportJson.read(node, ExportManifest.class);
            return shown.validated();
        } catch (Malformed e) {
            fail(Problem.MALFORMED, null, null, null, null, "The manifest is malformed: " + e.getMessage() + ".");
            return null;
        }
    }

    /** The walk from the chain hash before the first line, from the anchor the inputs allow; null after a break. */
    private ChainWalk startingWalk() {
        ChainStart.Anchor anchor = ChainStart.of(manifest, kept, publicKey);
        if (anchor.keptFailed()) {
            keptOutcome = KeptOutcome.FAILED;
        }
        if (anchor.why() != null) {
            firstBreak = anchor.why();
            return null;
        }
        start = anchor.start();
        return anchor.walk();
    }

    /** Streams the lines before the manifest along the walk. */
    private void lines(long manifestOffset, ChainWalk walk) throws IOException {
        long lineNumber = 0;
        try (InputStream in = Files.newInputStream(file)) {
            ExportFile.LineReader reader = new ExportFile.LineReader(in, manifestOffset);
            byte[] bytes;
            while ((bytes = reader.next()) != null) {
                long expected = walk.size() + 1;
                lineNumber++;
                bytesRead += bytes.length + 1;
                listener.at(lineNumber, bytesRead);
                linesDigest.update(bytes);
                linesDigest.update((byte) '\n');
                ExportLine line;
                long seq;
                try {
                    line = ExportJson.line(bytes);
                    seq = line.position();
                } catch (Malformed e) {
                    fail(Problem.MALFORMED, expected, lineNumber, null, null,
                            "Line " + lineNumber + " is not an export line: " + e.getMessage() + ".");
                    return;
                }
                if (seq != expected) {
                    sequenceBreak(reader, expected, seq, lineNumber);
                    return;
                }
                line(walk, line, seq, lineNumber);
                if (firstBreak != null) {
                    return;
                }
                checked++;
            }
        }
    }

    /** Checks one line in place and appends it to the walk. */
    private void line(ChainWalk walk, ExportLine line, long seq, long lineNumber) {
        byte[] entry;
        byte[] stated;
        long globalIndex;
        String eventId = line.eventId();
        try {
            globalIndex = line.at();
            entry = line.entry();
            stated = line.chain();
            if (!line.isRedacted()) {
                AuditChain.StoredEvent stored = line.stored();
                byte[] recomputed = ChainWalk.rewritten(entry, stored);
                if (recomputed != null) {
                    // Tampering, unless a reseal attestation further on names exactly this change (decision 9).
                    reseals.waiting(new Reseals.Rewritten(seq, lineNumber, globalIndex, eventId, entry, recomputed));
                } else if (Reseals.isAttestation(stored)) {
                    reseals.attest(stored);
                }
            }
        } catch (Malformed e) {
            fail(Problem.MALFORMED, seq, lineNumber, null, eventId,
                    "Line " + lineNumber + " is not an export line: " + e.getMessage() + ".");
            return;
        }
        if (line.isRedacted() && line.isMissing()) {
            fail(Problem.DELETED_EVENT, seq, lineNumber, globalIndex, null, "The service exported only the"
                    + " hashes of seq " + seq + " because the row of its event (global index " + globalIndex
                    + ") is gone from the event table: the event was deleted after it was chained.");
            return;
        }
        switch (walk.append(seq, globalIndex, entry, stated)) {
            case CHAIN_MISMATCH -> fail(Problem.CHAIN_MISMATCH, seq, lineNumber, globalIndex, eventId, "The chain hash"
                    + " of seq " + seq + " should be SHA-256(chain hash before it || its entry hash) = "
                    + AuditChain.hex(walk.computed()) + " but the line says " + AuditChain.hex(stated)
                    + ": a line before it was removed, added or moved, or hashes were edited.");
            case CHECKPOINT_MISMATCH -> {
                keptOutcome = KeptOutcome.FAILED;
                fail(Problem.CHECKPOINT_MISMATCH, seq, lineNumber, globalIndex, eventId, "The kept checkpoint"
                        + " says the chain of size " + seq + " ends at global index " + kept.globalIndex()
                        + " with hash " + kept.chainHash() + ", the file gives global index " + globalIndex
                        + " and " + AuditChain.hex(walk.computed()) + ": the first " + seq + " events are no longer"
                        + " those the checkpoint covered.");
            }
            case CHECKPOINT_MATCHED -> keptOutcome = KeptOutcome.MATCHED;
            case LINKED -> { }
        }
        if (firstBreak == null && line.isRedacted()) {
            redacted++;
        } else if (firstBreak == null) {
            whole++;
        }
    }

    /** A line that is not the next seq: is the expected one elsewhere in the file (moved) or gone? */
    private void sequenceBreak(ExportFile.LineReader reader, long expected, long found, long lineNumber)
            throws IOException {
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
                if (ExportJson.line(bytes).position() == expected) {
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

    private void fail(Problem problem, Long seq, Long line, Long globalIndex, String eventId, String detail) {
        if (firstBreak == null) {
            firstBreak = new Break(problem, seq, line, globalIndex, eventId, detail);
        }
    }
}
