package uk.schoolsocial.auditcli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import uk.schoolsocial.auditcli.api.model.Checkpoint;
import uk.schoolsocial.auditcli.remote.SuiteConnection;
import uk.schoolsocial.auditcli.remote.SuiteException;
import uk.schoolsocial.auditcli.verify.Checkpoints;
import uk.schoolsocial.auditcli.verify.KeptCheckpoint;
import uk.schoolsocial.auditcli.verify.PublicKeys;

@Command(name = "checkpoint", sortOptions = false, mixinStandardHelpOptions = true,
        version = AuditCli.VERSION,
        description = "Has the service sign a checkpoint of its chain as it is now (POST"
                + " /api/v1/audit/{service}/checkpoints) and saves it. Keep it outside the suite.")
class CheckpointCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SuiteOptions suite;

    @Option(names = "--out", required = true, paramLabel = "CP_JSON", description = "Where to save the checkpoint.")
    Path out;

    @Option(names = "--public-key", paramLabel = "KEY",
            description = "If given, the checkpoint must be signed by this key (base64 X.509, or key.json).")
    String publicKey;

    @Option(names = "--force", description = "Overwrite an existing checkpoint file.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        byte[] key = publicKey == null ? null : PublicKeys.read(publicKey);
        if (Files.exists(out) && !force) {
            throw new UsageException(out + " exists: a kept checkpoint is evidence; choose another file or --force");
        }
        try (SuiteConnection connection = suite.connect()) {
            Checkpoint issued = connection.call("Checkpoint",
                    () -> connection.integrity().issueCheckpoint(suite.serviceName(), suite.school()).body());
            if (issued == null) {
                throw new SuiteException("Checkpoint: the suite answered without a checkpoint");
            }
            KeptCheckpoint checkpoint = RemoteVerifyCommand.kept(issued);
            if (key != null && !checkpoint.signedBy(key)) {
                spec.commandLine().getErr().println("FAILED: the checkpoint is not signed by the pinned key: "
                        + checkpoint.whyNotSignedBy(key) + ". Not saved.");
                return AuditCli.BROKEN;
            }
            Checkpoints.write(checkpoint, out);
            console.printf("Checkpoint of %s saved to %s: size %d, global index %d, chain %s, issued %s, key %s%s.%n",
                    checkpoint.service(), out, checkpoint.size(), checkpoint.globalIndex(), checkpoint.chainHash(),
                    checkpoint.issuedAt(), checkpoint.keyId(), key != null ? " (signature valid)" : "");
        }
        return AuditCli.INTACT;
    }
}
