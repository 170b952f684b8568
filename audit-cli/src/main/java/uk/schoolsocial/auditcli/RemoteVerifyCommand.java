package uk.schoolsocial.auditcli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import uk.schoolsocial.auditcli.api.model.ChainBreak;
import uk.schoolsocial.auditcli.api.model.Checkpoint;
import uk.schoolsocial.auditcli.api.model.ServiceName;
import uk.schoolsocial.auditcli.api.model.Verification;
import uk.schoolsocial.auditcli.api.model.VerificationRequest;
import uk.schoolsocial.auditcli.remote.SuiteConnection;
import uk.schoolsocial.auditcli.remote.SuiteException;
import uk.schoolsocial.auditcli.verify.Checkpoints;
import uk.schoolsocial.auditcli.verify.KeptCheckpoint;
import uk.schoolsocial.auditcli.verify.PublicKeys;

@Command(name = "remote-verify", sortOptions = false, mixinStandardHelpOptions = true,
        version = AuditCli.VERSION,
        description = "Has the service recompute its whole chain from the stored rows (POST"
                + " /api/v1/audit/{service}/verifications), optionally against a kept checkpoint, and prints the"
                + " outcome. Exit 0 when intact, 1 when broken.")
class RemoteVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SuiteOptions suite;

    @Option(names = "--checkpoint", paramLabel = "CP_JSON", description = "A kept checkpoint to verify against.")
    Path checkpoint;

    @Option(names = "--public-key", paramLabel = "KEY",
            description = "If given, the fresh checkpoint of an intact log must be signed by this key.")
    String publicKey;

    @Option(names = "--save-checkpoint", paramLabel = "CP_JSON",
            description = "Save the fresh checkpoint an intact verification answers with.")
    Path saveCheckpoint;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        byte[] key = publicKey == null ? null : PublicKeys.read(publicKey);
        KeptCheckpoint kept = checkpoint == null ? null : Checkpoints.read(checkpoint);
        if (kept != null && !kept.service().equals(suite.service())) {
            throw new UsageException("The kept checkpoint is of service '" + kept.service() + "', not '"
                    + suite.service() + "'");
        }
        Verification verification;
        try (SuiteConnection connection = suite.connect()) {
            VerificationRequest request = new VerificationRequest();
            if (kept != null) {
                request.setCheckpoint(generated(kept));
            }
            verification = connection.call("Verification",
                    () -> connection.integrity().verifyChain(suite.serviceName(), suite.school(), request));
        }
        if (verification == null || verification.getIntact() == null) {
            throw new SuiteException("Verification: the suite answered without an outcome");
        }
        boolean intact = verification.getIntact();
        console.printf("Remote verification of %s at %s%n", suite.service(), suite.url);
        row(console, "events checked", String.valueOf(verification.getCheckedEvents()));
        if (verification.getChainHash() != null) {
            row(console, "chain hash", verification.getChainHash());
        }
        if (kept != null) {
            row(console, "kept checkpoint", "size " + kept.size() + " (issued " + kept.issuedAt() + "): "
                    + (Boolean.TRUE.equals(verification.getCheckpointMatched()) ? "matches" : "does NOT match"));
        }
        ChainBreak first = verification.getFirstBreak();
        if (first != null) {
            StringBuilder where = new StringBuilder(String.valueOf(first.getProblem()));
            if (first.getSeq() != null) {
                where.append(" at seq ").append(first.getSeq());
            }
            if (first.getGlobalIndex() != null) {
                where.append(" (global index ").append(first.getGlobalIndex());
                where.append(first.getEventId() != null ? ", event " + first.getEventId() : "").append(')');
            } else if (first.getEventId() != null) {
                where.append(" (event ").append(first.getEventId()).append(')');
            }
            row(console, "first break", where.toString());
            row(console, "", first.getDetail());
        }
        int exit = intact ? AuditCli.INTACT : AuditCli.BROKEN;
        Checkpoint fresh = verification.getCheckpoint();
        if (fresh != null) {
            KeptCheckpoint head = kept(fresh);
            String signature = "";
            if (key != null) {
                boolean signed = head.signedBy(key);
                signature = signed ? " (signature valid)" : " (NOT signed by the pinned key: "
                        + head.whyNotSignedBy(key) + ")";
                if (!signed) {
                    exit = AuditCli.BROKEN;
                }
            }
            row(console, "fresh checkpoint", "size " + head.size() + ", chain " + head.chainHash() + ", issued "
                    + head.issuedAt() + ", key " + head.keyId() + signature);
            if (saveCheckpoint != null && exit == AuditCli.INTACT) {
                Checkpoints.write(head, saveCheckpoint);
                row(console, "", "saved to " + saveCheckpoint);
            }
        }
        row(console, "result", exit == AuditCli.INTACT ? "OK" : "FAILED");
        return exit;
    }

    static KeptCheckpoint kept(Checkpoint checkpoint) {
        return new KeptCheckpoint(checkpoint.getService().getValue(), checkpoint.getSize(), checkpoint.getGlobalIndex(),
                checkpoint.getChainHash(), checkpoint.getIssuedAt(), checkpoint.getKeyId(), checkpoint.getSignature());
    }

    static Checkpoint generated(KeptCheckpoint kept) {
        return new Checkpoint(ServiceName.fromValue(kept.service()), kept.size(), kept.globalIndex(), kept.chainHash(),
                kept.issuedAt(), kept.keyId(), kept.signature());
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-16s %s%n", label, value);
    }
}
