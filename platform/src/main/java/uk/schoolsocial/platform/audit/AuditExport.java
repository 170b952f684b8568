package uk.schoolsocial.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.platform.identity.Actor;

/**
 * The NDJSON export of a chain range (AUD-2): read and written a chunk at a time as the client
 * takes it, so memory stays constant for any size. The last line is the manifest: what was asked,
 * counts, the chain hash before the range, the SHA-256 of every line before the manifest, a signed
 * checkpoint of the chain at the range's end, and a signature of the manifest itself
 * ({@link AuditChain#exportMessage}), so that the file can be verified offline.
 */
@Singleton
public class AuditExport {

    private final AuditLog log;
    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    AuditExport(AuditLog log, Checkpoints checkpoints, CheckpointSigner signer, Clock clock) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.clock = clock;
    }

    public Publisher<byte[]> stream(AuditQuery query, long fromSeq, long toSeq, Actor actor) {
        return Flux.<byte[], State>generate(() -> new State(fromSeq - 1), (state, sink) -> {
            if (state.done) {
                sink.complete();
                return state;
            }
            AuditLog.ExportChunk chunk = state.after >= toSeq ? null : log.exportChunk(query, state.after, toSeq);
            if (chunk == null || chunk.isEmpty()) {
                state.done = true;
                sink.next(manifest(query, fromSeq, state, actor));
                return state;
            }
            state.after = chunk.lastSeq();
            state.full += chunk.full();
            state.redacted += chunk.redacted();
            state.lastHash = chunk.lastChainHash();
            state.digest.update(chunk.lines());
            sink.next(chunk.lines());
            return state;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private byte[] manifest(AuditQuery query, long fromSeq, State state, Actor actor) {
        byte[] previous = log.chainHashAt(fromSeq - 1);
        byte[] last = state.lastHash != null ? state.lastHash : previous;
        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", "school-social/audit-export/v1");
        manifest.put("service", log.service());
        manifest.put("schoolId", query.schoolId());
        manifest.put("exportedBy", actor.id());
        manifest.put("exportedAt", clock.instant().toString());
        manifest.put("fromSeq", fromSeq);
        manifest.put("toSeq", state.after);
        manifest.put("events", state.full);
        manifest.put("redacted", state.redacted);
        ObjectNode filters = manifest.putObject("filters");
        filters.put("aggregateId", query.aggregateId());
        filters.put("type", query.eventType());
        filters.put("from", query.from() == null ? null : query.from().toString());
        filters.put("to", query.to() == null ? null : query.to().toString());
        manifest.put("previousChainHash", previous == null ? null : AuditChain.hex(previous));
        manifest.put("lastChainHash", last == null ? null : AuditChain.hex(last));
        String linesSha256 = AuditChain.hex(state.digest.digest());
        manifest.put("linesSha256", linesSha256);
        if (last != null) {
            manifest.set("checkpoint", json.valueToTree(checkpoints.issueAt(state.after, last)));
            manifest.put("keyId", signer.keyId());
            manifest.put("signature", signer.sign(AuditChain.exportMessage(log.service(), query.schoolId(), fromSeq,
                    state.after, state.full, state.redacted, linesSha256, AuditChain.hex(last))));
        }
        ObjectNode line = json.createObjectNode();
        line.set("manifest", manifest);
        try {
            byte[] bytes = json.writeValueAsBytes(line);
            byte[] withNewline = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, withNewline, 0, bytes.length);
            withNewline[bytes.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class State {
        long after;
        long full;
        long redacted;
        byte[] lastHash;
        boolean done;
        final MessageDigest digest;

        State(long after) {
            this.after = after;
            this.digest = AuditChain.sha256();
        }
    }
}
