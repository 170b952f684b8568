package uk.schoolsocial.auditcli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.IntPredicate;
import uk.schoolsocial.events.AuditChain;

/**
 * A service's chain built with {@link AuditChain}, as the suite writes it, and its exports and
 * checkpoints in the suite's formats (AuditLog, AuditExport, Checkpoint of the platform), signed
 * with a key of its own.
 */
final class ExportFixture {

    static final String SERVICE = "account";
    static final String SCHOOL = "demo-school";
    private static final ObjectMapper JSON = new ObjectMapper();

    final KeyPair keys;
    final List<AuditChain.StoredEvent> events = new ArrayList<>();
    final List<byte[]> entries = new ArrayList<>();
    /** chains.get(n): the chain hash after n events. */
    final List<byte[]> chains = new ArrayList<>();
    /** By seq: the bytes as stored when the service rewrote an event after chaining it (a reseal). */
    final java.util.Map<Integer, AuditChain.StoredEvent> rewritten = new java.util.HashMap<>();
    private IntPredicate ownSchool;

    /** {@code size} events; those whose seq {@code ownSchool} rejects are another school's (redacted). */
    ExportFixture(int size, IntPredicate ownSchool, KeyPair keys) {
        this.keys = keys;
        this.ownSchool = ownSchool;
        chains.add(AuditChain.GENESIS);
        for (int seq = 1; seq <= size; seq++) {
            append(event(seq, "v1"));
        }
    }

    ExportFixture(int size) {
        this(size, seq -> seq % 4 != 0, newKeys());
    }

    /** The same history but with event {@code changedSeq} different: a rewritten log, consistently chained. */
    ExportFixture rewritten(int changedSeq) {
        ExportFixture other = new ExportFixture(0, ownSchool, keys);
        for (int seq = 1; seq <= events.size(); seq++) {
            other.append(seq == changedSeq ? event(seq, "rewritten") : events.get(seq - 1));
        }
        return other;
    }

    /**
     * This history after the service sealed the payloads of {@code seqs} (decision 9): their stored
     * bytes change, their chained hashes do not, and a reseal attestation naming each change, signed
     * with {@code signedBy}, is appended and chained as the next event (whole for every school).
     */
    ExportFixture resealed(KeyPair signedBy, int... seqs) {
        ExportFixture other = new ExportFixture(0, ownSchool, keys);
        events.forEach(other::append);
        List<uk.schoolsocial.events.privacy.StoredEventsResealedEvent.Rewrite> rewrites = new ArrayList<>();
        for (int seq : seqs) {
            AuditChain.StoredEvent chained = events.get(seq - 1);
            AuditChain.StoredEvent sealed = new AuditChain.StoredEvent(chained.globalIndex(),
                    chained.eventIdentifier(), chained.aggregateType(), chained.aggregateIdentifier(),
                    chained.sequenceNumber(), chained.payloadType(), chained.payloadRevision(), chained.timestamp(),
                    ("{\"proposedName\":{\"$sealed\":\"v1\",\"k\":\"APPLICATION:demo-school/a-" + seq
                            + "\",\"c\":\"3q2+7w==\"},\"note\":\"v1\"}").getBytes(StandardCharsets.UTF_8),
                    chained.metaData());
            other.rewritten.put(seq, sealed);
            rewrites.add(new uk.schoolsocial.events.privacy.StoredEventsResealedEvent.Rewrite(chained.globalIndex(),
                    chained.eventIdentifier(), AuditChain.hex(entries.get(seq - 1)),
                    AuditChain.hex(AuditChain.entryHash(sealed))));
        }
        String id = "7d1e2f30-0000-4000-8000-000000000001";
        ObjectNode attestation = JSON.createObjectNode();
        attestation.put("attestationId", id);
        attestation.put("service", SERVICE);
        com.fasterxml.jackson.databind.node.ArrayNode list = attestation.putArray("rewrites");
        rewrites.forEach(rewrite -> list.addObject().put("globalIndex", rewrite.globalIndex())
                .put("eventId", rewrite.eventId()).put("chainedEntryHash", rewrite.chainedEntryHash())
                .put("storedEntryHash", rewrite.storedEntryHash()));
        attestation.put("resealedAt", "2026-12-05T09:00:00Z");
        attestation.put("keyId", AuditChain.keyId(signedBy.getPublic().getEncoded()));
        attestation.put("signature", sign(signedBy, AuditChain.resealMessage(SERVICE, id, rewrites)));
        int attestationSeq = events.size() + 1;
        other.append(new AuditChain.StoredEvent(attestationSeq + 2L, id, "StoredEventsReseal", id, 0,
                "uk.schoolsocial.events.privacy.StoredEventsResealedEvent", "1", "2026-12-05T09:00:00.000Z",
                attestation.toString().getBytes(StandardCharsets.UTF_8),
                "{\"schoolId\":\"*\",\"actorId\":\"system:reseal\",\"actorRoles\":\"SYSTEM\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        IntPredicate school = ownSchool;
        other.ownSchool = seq -> seq == attestationSeq || school.test(seq);
        return other;
    }

    static KeyPair newKeys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** Writes {@code {service, algorithm, keyId, publicKey}} as the signing-key endpoint serves it. */
    Path writeKeyJson(Path file) throws IOException {
        ObjectNode key = JSON.createObjectNode();
        key.put("service", SERVICE);
        key.put("algorithm", "Ed25519");
        key.put("keyId", AuditChain.keyId(keys.getPublic().getEncoded()));
        key.put("publicKey", publicKeyBase64());
        Files.write(file, JSON.writeValueAsBytes(key));
        return file;
    }

    /** A signed checkpoint of the chain at {@code size}, as JSON. */
    ObjectNode checkpoint(long size) {
        byte[] chain = chains.get((int) size);
        long globalIndex = size == 0 ? 0 : events.get((int) size - 1).globalIndex();
        String issuedAt = "2026-11-21T10:00:00Z";
        ObjectNode checkpoint = JSON.createObjectNode();
        checkpoint.put("service", SERVICE);
        checkpoint.put("size", size);
        checkpoint.put("globalIndex", globalIndex);
        checkpoint.put("chainHash", AuditChain.hex(chain));
        checkpoint.put("issuedAt", issuedAt);
        checkpoint.put("keyId", AuditChain.keyId(keys.getPublic().getEncoded()));
        checkpoint.put("signature", sign(AuditChain.checkpointMessage(SERVICE, size, globalIndex, chain, issuedAt)));
        return checkpoint;
    }

    Path writeCheckpoint(long size, Path file) throws IOException {
        Files.write(file, JSON.writeValueAsBytes(checkpoint(size)));
        return file;
    }

    /** The lines of an export of {@code from..to} (without the manifest). */
    List<String> lines(long from, long to) {
        List<String> lines = new ArrayList<>();
        for (long seq = from; seq <= to; seq++) {
            lines.add(line(seq));
        }
        return lines;
    }

    /** The manifest line for exactly these lines, as the suite writes it. */
    String manifest(long from, List<String> lines) {
        long to = from + lines.size() - 1;
        MessageDigest digest = sha256();
        long whole = 0;
        for (String line : lines) {
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            whole += line.contains("\"redacted\":true") ? 0 : 1;
        }
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", "school-social/audit-export/v1");
        manifest.put("service", SERVICE);
        manifest.put("schoolId", SCHOOL);
        manifest.put("exportedBy", "auditor-1");
        manifest.put("exportedAt", "2026-11-21T10:00:00Z");
        manifest.put("fromSeq", from);
        manifest.put("toSeq", to);
        manifest.put("events", whole);
        manifest.put("redacted", lines.size() - whole);
        ObjectNode filters = manifest.putObject("filters");
        filters.putNull("aggregateId");
        filters.putNull("type");
        filters.putNull("from");
        filters.putNull("to");
        manifest.put("previousChainHash", AuditChain.hex(chains.get((int) from - 1)));
        manifest.put("lastChainHash", AuditChain.hex(chains.get((int) to)));
        String linesSha256 = AuditChain.hex(digest.digest());
        manifest.put("linesSha256", linesSha256);
        manifest.set("checkpoint", checkpoint(to));
        manifest.put("signature", sign(AuditChain.exportMessage(SERVICE, SCHOOL, from, to, whole, lines.size() - whole,
                linesSha256, AuditChain.hex(chains.get((int) to)))));
        ObjectNode line = JSON.createObjectNode();
        line.set("manifest", manifest);
        return line.toString();
    }

    /** A whole, untouched export of {@code from..to}. */
    String export(long from, long to) {
        List<String> lines = lines(from, to);
        return join(lines, manifest(from, lines));
    }

    static String join(List<String> lines, String manifest) {
        StringBuilder file = new StringBuilder();
        lines.forEach(line -> file.append(line).append('\n'));
        return file.append(manifest).append('\n').toString();
    }

    String line(long seq) {
        AuditChain.StoredEvent stored = rewritten.getOrDefault((int) seq, events.get((int) seq - 1));
        ObjectNode line = JSON.createObjectNode();
        line.put("seq", seq);
        line.put("globalIndex", stored.globalIndex());
        line.put("entryHash", AuditChain.hex(entries.get((int) seq - 1)));
        line.put("chainHash", AuditChain.hex(chains.get((int) seq)));
        if (ownSchool.test((int) seq)) {
            line.put("eventId", stored.eventIdentifier());
            line.put("aggregateType", stored.aggregateType());
            line.put("aggregateId", stored.aggregateIdentifier());
            line.put("sequenceNumber", stored.sequenceNumber());
            line.put("payloadType", stored.payloadType());
            line.put("payloadRevision", stored.payloadRevision());
            line.put("timestamp", stored.timestamp());
            line.put("payload", Base64.getEncoder().encodeToString(stored.payload()));
            line.put("metaData", stored.metaData() == null ? null
                    : Base64.getEncoder().encodeToString(stored.metaData()));
        } else {
            line.put("redacted", true);
        }
        return line.toString();
    }

    String eventId(long seq) {
        return events.get((int) seq - 1).eventIdentifier();
    }

    private void append(AuditChain.StoredEvent event) {
        events.add(event);
        byte[] entry = AuditChain.entryHash(event);
        entries.add(entry);
        chains.add(AuditChain.link(chains.get(chains.size() - 1), entry));
    }

    private static AuditChain.StoredEvent event(int seq, String version) {
        String payload = "{\"proposedName\":\"Oakfield PE " + seq + "\",\"note\":\"" + version + "\"}";
        String meta = "{\"schoolId\":\"" + SCHOOL + "\",\"actorId\":\"staff-" + seq + "\",\"actorRoles\":\"STAFF\"}";
        return new AuditChain.StoredEvent(seq + 2L, String.format("0b6e3d1c-0000-4000-8000-%012d", seq),
                seq % 5 == 0 ? null : "AccountApplication", "application-" + (seq / 3), seq % 3,
                "uk.schoolsocial.events.account.ApplicationSubmittedEvent", seq % 7 == 0 ? null : "1",
                "2026-11-21T09:14:03." + String.format("%03d", seq % 1000) + "Z",
                payload.getBytes(StandardCharsets.UTF_8),
                seq % 6 == 0 ? null : meta.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(byte[] message) {
        return sign(keys, message);
    }

    private static String sign(KeyPair keys, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(message);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
