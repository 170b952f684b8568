package uk.schoolsocial.auditcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.schoolsocial.events.AuditChain;

/**
 * {@code audit-cli verify} on export files built with {@link AuditChain}, as the suite writes them:
 * intact files pass (exit 0) and each kind of tampering is named at the right seq (exit 1).
 */
class VerifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIZE = 30;

    @TempDir
    Path dir;

    private final ExportFixture log = new ExportFixture(SIZE);

    record Outcome(int exit, String out, String err) {
    }

    @Test
    @DisplayName("AUD-3: an intact export from seq 1 verifies, with whole and redacted lines counted")
    void intactFilePasses() throws IOException {
        Path file = write("intact.ndjson", log.export(1, SIZE));
        Outcome outcome = verify(file, "--public-key", log.writeKeyJson(dir.resolve("key.json")).toString());
        assertEquals(AuditCli.INTACT, outcome.exit(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("seq 1 to 30"), outcome.out());
        assertTrue(outcome.out().contains("30 of 30: 23 whole (entry hash recomputed), 7 redacted"), outcome.out());
        assertTrue(outcome.out().contains("the empty chain (32 zero bytes)"), outcome.out());
        assertTrue(outcome.out().contains("signature valid"), outcome.out());
        assertTrue(outcome.out().contains("result           OK"), outcome.out());
    }

    @Test
    @DisplayName("Issue 18: progress goes to standard error when asked for, and nothing in a script by default")
    void progressOnlyWhenAskedOrOnATerminal() throws IOException {
        Path file = write("intact.ndjson", log.export(1, SIZE));
        Outcome quiet = verify(file, "--public-key", log.publicKeyBase64());
        assertEquals("", quiet.err(), "no terminal in a test: a script sees nothing");
        Outcome shown = verify(file, "--public-key", log.publicKeyBase64(), "--progress", "ALWAYS");
        assertEquals(AuditCli.INTACT, shown.exit());
        assertTrue(shown.err().contains("Verifying " + file + ": 30 events"), shown.err());
        assertEquals(quiet.out(), shown.out(), "the report itself is unchanged");
    }

    @Test
    @DisplayName("AUD-3: the key may be given as the base64 the signing-key endpoint serves")
    void keyAsBase64() throws IOException {
        Path file = write("intact.ndjson", log.export(1, SIZE));
        assertEquals(AuditCli.INTACT, verify(file, "--public-key", log.publicKeyBase64()).exit());
    }

    @Test
    @DisplayName("AUD-3, AUD-4: events the service resealed verify when a later attestation signed by the pinned key names each change")
    void resealedEventsWithTheirAttestationPass() throws IOException {
        ExportFixture resealed = log.resealed(log.keys, 2, 10);
        Path file = write("resealed.ndjson", resealed.export(1, SIZE + 1));
        Outcome outcome = verify(file, "--public-key", log.publicKeyBase64());
        assertEquals(AuditCli.INTACT, outcome.exit(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("2 whole lines rewritten by the service"), outcome.out());
        Path kept = log.writeCheckpoint(SIZE, dir.resolve("kept.json"));
        assertEquals(AuditCli.INTACT, verify(file, "--public-key", log.publicKeyBase64(), "--checkpoint",
                kept.toString()).exit(), "a checkpoint kept from before the reseal still holds");
    }

    @Test
    @DisplayName("AUD-3: a rewrite attested with another key, or not attested in the file, is ALTERED")
    void unattestedRewritesFail() throws IOException {
        ExportFixture forged = log.resealed(ExportFixture.newKeys(), 10);
        assertBroken(verify(write("forged.ndjson", forged.export(1, SIZE + 1)), "--public-key", log.publicKeyBase64()),
                "ALTERED at seq 10 (line 10, global index 12, event " + log.eventId(10) + ")");
        ExportFixture resealed = log.resealed(log.keys, 10);
        assertBroken(verify(write("cut.ndjson", resealed.export(1, SIZE)), "--public-key", log.publicKeyBase64()),
                "ALTERED at seq 10 (line 10, global index 12, event " + log.eventId(10) + ")");
    }

    @Test
    @DisplayName("AUD-3: an edited payload is ALTERED at its seq, with its event id")
    void editedPayloadFails() throws IOException {
        List<String> lines = log.lines(1, SIZE);
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(9));
        line.put("payload", Base64.getEncoder().encodeToString(
                "{\"proposedName\":\"Oakfield PE 10\",\"note\":\"edited\"}".getBytes(StandardCharsets.UTF_8)));
        lines.set(9, line.toString());
        Outcome outcome = verify(write("edited.ndjson", ExportFixture.join(lines, log.manifest(1, log.lines(1, SIZE)))),
                "--public-key", log.publicKeyBase64());
        assertBroken(outcome, "ALTERED at seq 10 (line 10, global index 12, event " + log.eventId(10) + ")");
    }

    @Test
    @DisplayName("AUD-3: a whole line turned into a redacted one, with the manifest's counts and digest redone, breaks the manifest's signature")
    void hiddenLineFails() throws IOException {
        List<String> lines = log.lines(1, SIZE);
        JsonNode signed = JSON.readTree(log.manifest(1, lines)).get("manifest");
        JsonNode whole = JSON.readTree(lines.get(9));
        ObjectNode stub = JSON.createObjectNode();
        for (String field : List.of("seq", "globalIndex", "entryHash", "chainHash")) {
            stub.set(field, whole.get(field));
        }
        stub.put("redacted", true);
        lines.set(9, stub.toString());
        ObjectNode forged = (ObjectNode) JSON.readTree(log.manifest(1, lines));
        ((ObjectNode) forged.get("manifest")).set("signature", signed.get("signature"));
        Outcome outcome = verify(write("hidden.ndjson", ExportFixture.join(lines, forged.toString())),
                "--public-key", log.publicKeyBase64());
        assertBroken(outcome, "SIGNATURE_INVALID at seq 30");
        assertTrue(outcome.out().contains("manifest's own signature"), outcome.out());
    }

    @Test
    @DisplayName("AUD-3: a deleted line is MISSING_LINE at its seq")
    void deletedLineFails() throws IOException {
        List<String> lines = log.lines(1, SIZE);
        String manifest = log.manifest(1, lines);
        lines.remove(16);
        Outcome outcome = verify(write("deleted.ndjson", ExportFixture.join(lines, manifest)),
                "--public-key", log.publicKeyBase64());
        assertBroken(outcome, "MISSING_LINE at seq 17 (line 17)");
    }

    @Test
    @DisplayName("AUD-3: a deleted line whose successors were renumbered breaks the chain at its seq")
    void deletedAndRenumberedFails() throws IOException {
        List<String> lines = log.lines(1, SIZE);
        String manifest = log.manifest(1, lines);
        lines.remove(16);
        for (int i = 16; i < lines.size(); i++) {
            ObjectNode line = (ObjectNode) JSON.readTree(lines.get(i));
            line.put("seq", i + 1);
            lines.set(i, line.toString());
        }
        Outcome outcome = verify(write("renumbered.ndjson", ExportFixture.join(lines, manifest)),
                "--public-key", log.publicKeyBase64());
        assertBroken(outcome, "CHAIN_MISMATCH at seq 17 (line 17, global index 20");
    }

    @Test
    @DisplayName("AUD-3: the last line deleted is MISSING_LINE at the last seq")
    void deletedLastLineFails() throws IOException {
        List<String> lines = log.lines(1, SIZE);
        String manifest = log.manifest(1, lines);
        lines.remove(SIZE - 1);
        Outcome outcome = verify(write("short.ndjson", ExportFixture.join(lines, manifest)),
                "--public-key", log.publicKeyBase64());
        assertBroken(outcome, "MISSING_LINE at seq 30");
    }

    @Test
    @DisplayName("AUD-3: two swapped lines are REORDERED at the first of them")
    void swappedLinesFail() throws IOException {
        List<String> lines = log.lines(1, SIZE);
        String manifest = log.manifest(1, lines);
        Collections.swap(lines, 4, 5);
        Outcome outcome = verify(write("swapped.ndjson", ExportFixture.join(lines, manifest)),
                "--public-key", log.publicKeyBase64());
        assertBroken(outcome, "REORDERED at seq 5 (line 5)");
        assertTrue(outcome.out().contains("is on line 6"), outcome.out());
    }

    @Test
    @DisplayName("AUD-3: a wrong signature on the manifest's checkpoint is SIGNATURE_INVALID at its size")
    void wrongManifestSignatureFails() throws IOException {
        List<String> lines = log.lines(1, SIZE);
        ObjectNode manifest = (ObjectNode) JSON.readTree(log.manifest(1, lines));
        ObjectNode checkpoint = (ObjectNode) manifest.get("manifest").get("checkpoint");
        byte[] signature = Base64.getDecoder().decode(checkpoint.get("signature").asText());
        signature[7] ^= 1;
        checkpoint.put("signature", Base64.getEncoder().encodeToString(signature));
        Outcome outcome = verify(write("forged.ndjson", ExportFixture.join(lines, manifest.toString())),
                "--public-key", log.publicKeyBase64());
        assertBroken(outcome, "SIGNATURE_INVALID at seq 30");
    }

    @Test
    @DisplayName("AUD-3: an edit with every hash and the manifest recomputed still fails on the signature")
    void consistentRewriteFailsOnSignature() throws IOException {
        ExportFixture rewritten = log.rewritten(12);
        List<String> lines = rewritten.lines(1, SIZE);
        ObjectNode manifest = (ObjectNode) JSON.readTree(rewritten.manifest(1, lines));
        ObjectNode checkpoint = (ObjectNode) manifest.get("manifest").get("checkpoint");
        checkpoint.put("signature", log.checkpoint(SIZE).get("signature").asText());
        Outcome outcome = verify(write("rewritten.ndjson", ExportFixture.join(lines, manifest.toString())),
                "--public-key", log.publicKeyBase64());
        assertBroken(outcome, "SIGNATURE_INVALID at seq 30");
    }

    @Test
    @DisplayName("AUD-3: a file signed by another suite's key fails against the pinned key")
    void otherKeyFails() throws IOException {
        Path file = write("intact.ndjson", log.export(1, SIZE));
        ExportFixture other = new ExportFixture(1);
        Outcome outcome = verify(file, "--public-key", other.publicKeyBase64());
        assertBroken(outcome, "SIGNATURE_INVALID at seq 30");
        assertTrue(outcome.out().contains("the pinned key is " + AuditChain.keyId(other.keys.getPublic().getEncoded())),
                outcome.out());
    }

    @Test
    @DisplayName("AUD-3: a later range continues the kept checkpoint it starts after")
    void continuesKeptCheckpoint() throws IOException {
        Path kept = log.writeCheckpoint(20, dir.resolve("cp.json"));
        Path file = write("later.ndjson", log.export(21, SIZE));
        Outcome outcome = verify(file, "--public-key", log.publicKeyBase64(), "--checkpoint", kept.toString());
        assertEquals(AuditCli.INTACT, outcome.exit(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("the kept checkpoint of size 20: the file starts right after it"),
                outcome.out());
        assertTrue(outcome.out().contains("the file continues it"), outcome.out());
    }

    @Test
    @DisplayName("AUD-3: an empty range right after the kept checkpoint (nothing new) continues it")
    void emptyRangeContinuesKeptCheckpoint() throws IOException {
        Path kept = log.writeCheckpoint(SIZE, dir.resolve("cp.json"));
        Path file = write("nothing-new.ndjson", log.export(SIZE + 1, SIZE));
        Outcome outcome = verify(file, "--public-key", log.publicKeyBase64(), "--checkpoint", kept.toString());
        assertEquals(AuditCli.INTACT, outcome.exit(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("events checked   0 of 0"), outcome.out());
        assertTrue(outcome.out().contains("the file continues it"), outcome.out());
    }

    @Test
    @DisplayName("AUD-3: a file that does not continue the kept checkpoint is NOT_CONTINUING at its first seq")
    void notContinuingKeptCheckpointFails() throws IOException {
        // the log was rewritten at seq 8, chained again and re-signed: only the kept checkpoint shows it
        Path kept = log.writeCheckpoint(20, dir.resolve("cp.json"));
        Path file = write("later.ndjson", log.rewritten(8).export(21, SIZE));
        Outcome outcome = verify(file, "--public-key", log.publicKeyBase64(), "--checkpoint", kept.toString());
        assertBroken(outcome, "NOT_CONTINUING at seq 21");
        assertTrue(outcome.out().contains("does NOT hold"), outcome.out());
        // without the kept checkpoint the same file verifies: it is consistent and signed
        assertEquals(AuditCli.INTACT, verify(file, "--public-key", log.publicKeyBase64()).exit());
    }

    @Test
    @DisplayName("AUD-3: a kept checkpoint inside the range must be the chain at its size")
    void keptCheckpointInsideRange() throws IOException {
        Path kept = log.writeCheckpoint(12, dir.resolve("cp.json"));
        Outcome intact = verify(write("all.ndjson", log.export(1, SIZE)), "--public-key", log.publicKeyBase64(),
                "--checkpoint", kept.toString());
        assertEquals(AuditCli.INTACT, intact.exit(), intact.out());
        assertTrue(intact.out().contains("the chain at seq 12 matches it"), intact.out());
        Outcome rewritten = verify(write("rewritten.ndjson", log.rewritten(9).export(1, SIZE)),
                "--public-key", log.publicKeyBase64(), "--checkpoint", kept.toString());
        assertBroken(rewritten, "CHECKPOINT_MISMATCH at seq 12");
    }

    @Test
    @DisplayName("AUD-3: a changed kept checkpoint is CHECKPOINT_SIGNATURE_INVALID")
    void forgedKeptCheckpointFails() throws IOException {
        ObjectNode checkpoint = log.checkpoint(12);
        checkpoint.put("globalIndex", 99);
        Path kept = Files.write(dir.resolve("cp.json"), JSON.writeValueAsBytes(checkpoint));
        Outcome outcome = verify(write("all.ndjson", log.export(1, SIZE)), "--public-key", log.publicKeyBase64(),
                "--checkpoint", kept.toString());
        assertBroken(outcome, "CHECKPOINT_SIGNATURE_INVALID at seq 12");
    }

    @Test
    @DisplayName("AUD-3: a position whose event row is gone (missing) is DELETED_EVENT")
    void missingEventRowFails() throws IOException {
        List<String> lines = log.lines(1, SIZE);
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(2));
        ObjectNode redacted = JSON.createObjectNode();
        redacted.put("seq", 3);
        redacted.set("globalIndex", line.get("globalIndex"));
        redacted.set("entryHash", line.get("entryHash"));
        redacted.set("chainHash", line.get("chainHash"));
        redacted.put("redacted", true);
        redacted.put("missing", true);
        lines.set(2, redacted.toString());
        Outcome outcome = verify(write("missing.ndjson", ExportFixture.join(lines, log.manifest(1, lines))),
                "--public-key", log.publicKeyBase64());
        assertBroken(outcome, "DELETED_EVENT at seq 3 (line 3, global index 5)");
    }

    @Test
    @DisplayName("AUD-3: a file from seq 1 must start from the empty chain")
    void startNotGenesisFails() throws IOException {
        List<String> lines = log.lines(1, SIZE);
        ObjectNode manifest = (ObjectNode) JSON.readTree(log.manifest(1, lines));
        ((ObjectNode) manifest.get("manifest")).put("previousChainHash", AuditChain.hex(log.chains.get(3)));
        Outcome outcome = verify(write("start.ndjson", ExportFixture.join(lines, manifest.toString())),
                "--public-key", log.publicKeyBase64());
        assertBroken(outcome, "START_MISMATCH at seq 1");
    }

    @Test
    @DisplayName("AUD-3: a download cut short has no manifest")
    void cutShortFails() throws IOException {
        String whole = log.export(1, SIZE);
        Path file = write("cut.ndjson", whole.substring(0, whole.indexOf("{\"manifest\"") - 1));
        assertBroken(verify(file, "--public-key", log.publicKeyBase64()), "NO_MANIFEST");
    }

    @Test
    @DisplayName("AUD-3: a byte changed outside the hashed fields fails on the lines' SHA-256")
    void linesDigestChecked() throws IOException {
        List<String> lines = log.lines(1, SIZE);
        String manifest = log.manifest(1, lines);
        lines.set(3, lines.get(3).replace("\"redacted\":true", "\"redacted\":true,\"note\":\"x\""));
        Outcome outcome = verify(write("extra.ndjson", ExportFixture.join(lines, manifest)),
                "--public-key", log.publicKeyBase64());
        assertBroken(outcome, "MANIFEST_MISMATCH");
        assertTrue(outcome.out().contains("not byte for byte"), outcome.out());
    }

    @Test
    @DisplayName("AUD-3: a line whose number is written as text, or that is not JSON, is MALFORMED where it stands")
    void malformedLinesFail() throws IOException {
        List<String> lines = log.lines(1, SIZE);
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(6));
        line.put("sequenceNumber", String.valueOf(line.get("sequenceNumber").asLong()));
        lines.set(6, line.toString());
        Outcome quoted = verify(write("quoted.ndjson", ExportFixture.join(lines, log.manifest(1, lines))),
                "--public-key", log.publicKeyBase64());
        assertBroken(quoted, "MALFORMED at seq 7 (line 7");

        lines = log.lines(1, SIZE);
        lines.set(4, "{\"seq\": 5,");
        Outcome broken = verify(write("notjson.ndjson", ExportFixture.join(lines, log.manifest(1, lines))),
                "--public-key", log.publicKeyBase64());
        assertBroken(broken, "MALFORMED at seq 5 (line 5)");
        assertTrue(broken.out().contains("is not JSON"), broken.out());
    }

    @Test
    @DisplayName("verify: a missing file, a bad key or an unrelated checkpoint is a usage error (exit 2)")
    void usageErrors() throws IOException {
        Path file = write("intact.ndjson", log.export(21, SIZE));
        assertEquals(AuditCli.USAGE, verify(dir.resolve("nope.ndjson"), "--public-key", log.publicKeyBase64()).exit());
        assertEquals(AuditCli.USAGE, verify(file, "--public-key", "not-a-key").exit());
        assertEquals(AuditCli.USAGE, verify(file).exit());
        Path early = log.writeCheckpoint(10, dir.resolve("early.json"));
        Outcome unrelated = verify(file, "--public-key", log.publicKeyBase64(), "--checkpoint", early.toString());
        assertEquals(AuditCli.USAGE, unrelated.exit(), unrelated.out());
        assertTrue(unrelated.err().contains("download from seq 11"), unrelated.err());
        assertEquals(AuditCli.USAGE, run().exit());
        assertEquals(AuditCli.USAGE, run("verify", file.toString(), "--public-key", log.publicKeyBase64(),
                "--checkpoint", dir.resolve("none.json").toString()).exit());
    }

    private void assertBroken(Outcome outcome, String firstBreak) {
        assertEquals(AuditCli.BROKEN, outcome.exit(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("first break      " + firstBreak), outcome.out());
        assertTrue(outcome.out().contains("result           FAILED"), outcome.out());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Outcome verify(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("verify", file.toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AuditCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(exit, out.toString(), err.toString());
    }
}
