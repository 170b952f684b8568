package uk.schoolsocial.auditcli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import uk.schoolsocial.auditcli.api.model.SigningKey;
import uk.schoolsocial.auditcli.remote.SuiteConnection;
import uk.schoolsocial.auditcli.remote.SuiteException;
import uk.schoolsocial.auditcli.verify.Checkpoints;
import uk.schoolsocial.auditcli.verify.KeptCheckpoint;
import uk.schoolsocial.auditcli.verify.OfflineVerifier;
import uk.schoolsocial.auditcli.verify.PinnedKey;
import uk.schoolsocial.events.AuditChain;

@Command(name = "download", sortOptions = false, mixinStandardHelpOptions = true,
        version = AuditCli.VERSION,
        description = "Downloads a range of a service's chain (GET /api/v1/audit/{service}/export) to an NDJSON"
                + " file, streamed to disk. Optionally saves the service's signing key next to it.")
class DownloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SuiteOptions suite;

    @Option(names = "--from-seq", paramLabel = "N", description = "The first chain position (default 1).")
    Long fromSeq;

    @Option(names = "--after-checkpoint", paramLabel = "CP_JSON",
            description = "Start right after this kept checkpoint (--from-seq = its size + 1), so that `verify"
                    + " --checkpoint` can check that the download continues it.")
    Path afterCheckpoint;

    @Option(names = "--to-seq", paramLabel = "M", description = "The last chain position (default: the head).")
    Long toSeq;

    @Option(names = "--aggregate-id", paramLabel = "ID",
            description = "Only this record's events whole; every other position as hashes.")
    String aggregateId;

    @Option(names = "--type", paramLabel = "EVENT_TYPE",
            description = "Only events of this type whole (e.g. ApplicationApprovedEvent).")
    String type;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the NDJSON file.")
    Path out;

    @Option(names = "--key-out", paramLabel = "KEY_JSON",
            description = "Also save the signing key (GET /api/v1/audit/{service}/signing-key) here. An existing"
                    + " file with another key is not overwritten (exit 1): a changed key needs explaining.")
    Path keyOut;

    @Option(names = "--progress", defaultValue = "AUTO", paramLabel = "WHEN",
            description = "Show progress on standard error: AUTO (on a terminal), ALWAYS or NEVER (default: ${DEFAULT-VALUE}).")
    Progress.Mode progressMode;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        if (fromSeq != null && fromSeq < 1) {
            throw new UsageException("--from-seq must be 1 or more");
        }
        if (toSeq != null && toSeq < 0) {
            throw new UsageException("--to-seq must be 0 or more");
        }
        if (afterCheckpoint != null) {
            if (fromSeq != null) {
                throw new UsageException("Give --from-seq or --after-checkpoint, not both");
            }
            KeptCheckpoint kept = Checkpoints.read(afterCheckpoint);
            if (!kept.service().equals(suite.service())) {
                throw new UsageException(afterCheckpoint + " is a checkpoint of " + kept.service() + ", not of "
                        + suite.service());
            }
            fromSeq = kept.size() + 1;
        }
        int exit = 0;
        try (SuiteConnection connection = suite.connect()) {
            if (keyOut != null) {
                exit = saveKey(connection, console);
            }
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("fromSeq", fromSeq);
            query.put("toSeq", toSeq);
            query.put("aggregateId", aggregateId);
            query.put("type", type);
            query.put("school", suite.school());
            Progress progress = Progress.of(progressMode, spec.commandLine().getErr(), "Downloading "
                    + suite.service(), -1);
            long[] lines = new long[1];
            long bytes = connection.export(query, out, (read, written) -> {
                lines[0] = read;
                progress.at(read, written);
            });
            progress.done(lines[0], bytes);
            OfflineVerifier.Manifest manifest = OfflineVerifier.readManifest(out);
            console.printf("Downloaded %s seq %d to %d to %s (%d bytes): %d whole, %d redacted.%n",
                    manifest.service(), manifest.fromSeq(), manifest.toSeq(), out, bytes, manifest.events(),
                    manifest.redacted());
            console.printf("Check it offline: audit-cli verify %s --public-key %s%s%n", out,
                    keyOut != null ? keyOut : "<key.json>",
                    afterCheckpoint != null ? " --checkpoint " + afterCheckpoint : "");
        }
        return exit;
    }

    private int saveKey(SuiteConnection connection, PrintWriter console) throws IOException {
        SigningKey key = connection.call("Signing key",
                () -> connection.integrity().getSigningKey(suite.serviceName(), suite.school()));
        byte[] x509 = java.util.Base64.getDecoder().decode(key.getPublicKey());
        String keyId = AuditChain.keyId(x509);
        if (!keyId.equals(key.getKeyId())) {
            throw new SuiteException("Signing key: the suite says key id " + key.getKeyId() + " but the key's id is "
                    + keyId);
        }
        if (Files.isRegularFile(keyOut)) {
            PinnedKey pinned = PinnedKey.read(keyOut);
            if (key.getPublicKey().equals(pinned.publicKey())) {
                console.printf("Signing key %s unchanged in %s.%n", keyId, keyOut);
                return AuditCli.INTACT;
            }
            spec.commandLine().getErr().printf("WARNING: the suite now signs with key %s, but %s pins key %s."
                    + " Not overwritten: find out why the key changed before trusting new checkpoints.%n",
                    keyId, keyOut, pinned.keyId() == null ? "?" : pinned.keyId());
            return AuditCli.BROKEN;
        }
        new PinnedKey(key.getService(), key.getAlgorithm().getValue(), key.getKeyId(), key.getPublicKey())
                .write(keyOut);
        console.printf("Signing key %s saved to %s.%n", keyId, keyOut);
        return AuditCli.INTACT;
    }
}
