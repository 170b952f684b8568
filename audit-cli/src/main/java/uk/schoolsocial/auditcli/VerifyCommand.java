package uk.schoolsocial.auditcli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import uk.schoolsocial.auditcli.verify.Checkpoints;
import uk.schoolsocial.auditcli.verify.KeptCheckpoint;
import uk.schoolsocial.auditcli.verify.OfflineVerifier;
import uk.schoolsocial.auditcli.verify.PublicKeys;
import uk.schoolsocial.auditcli.verify.VerifyReport;
import uk.schoolsocial.events.AuditChain;

@Command(name = "verify", sortOptions = false, mixinStandardHelpOptions = true,
        version = AuditCli.VERSION,
        description = "Checks a downloaded export offline (no network): every whole line's entry hash, the chain"
                + " from its start to the manifest's signed checkpoint, the lines' SHA-256 and, if given, a kept"
                + " checkpoint. Exit 0 when intact, 1 when broken, 2 on usage errors.")
class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The NDJSON file of `download`.")
    Path file;

    @Option(names = "--public-key", required = true, paramLabel = "KEY",
            description = "The pinned signing key: base64 X.509 (as GET .../signing-key serves it), or a file"
                    + " holding it, or the key.json of `download --key-out`.")
    String publicKey;

    @Option(names = "--checkpoint", paramLabel = "CP_JSON",
            description = "A kept checkpoint: the file must continue it (start at its size + 1) or contain it.")
    Path checkpoint;

    @Option(names = "--progress", defaultValue = "AUTO", paramLabel = "WHEN",
            description = "Show progress on standard error: AUTO (on a terminal), ALWAYS or NEVER (default: ${DEFAULT-VALUE}).")
    Progress.Mode progressMode;

    @Override
    public Integer call() {
        byte[] key = PublicKeys.read(publicKey);
        KeptCheckpoint kept = checkpoint == null ? null : Checkpoints.read(checkpoint);
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (java.io.IOException | RuntimeException e) {
            size = -1;
        }
        Progress progress = Progress.of(progressMode, spec.commandLine().getErr(), "Verifying " + file, size);
        long[] last = new long[2];
        OfflineVerifier.Result result = new OfflineVerifier().verify(file, key, kept, (lines, bytes) -> {
            last[0] = lines;
            last[1] = bytes;
            progress.at(lines, bytes);
        });
        progress.done(last[0], last[1]);
        spec.commandLine().getOut().print(VerifyReport.render(result, AuditChain.keyId(key)));
        spec.commandLine().getOut().flush();
        return result.intact() ? AuditCli.INTACT : AuditCli.BROKEN;
    }
}
