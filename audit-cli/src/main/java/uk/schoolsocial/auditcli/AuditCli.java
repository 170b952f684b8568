package uk.schoolsocial.auditcli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import uk.schoolsocial.auditcli.remote.SuiteException;

/**
 * The auditor's tool (docs/audit-cli.md): download a range of a service's audit chain, have a
 * checkpoint signed, verify a download offline, or have the service verify itself.
 * Exit codes: 0 intact/done, 1 broken (or a key or signature that does not hold), 2 usage error,
 * 3 the suite could not be reached or refused the request.
 */
@Command(name = "audit-cli", mixinStandardHelpOptions = true, version = AuditCli.VERSION,
        description = "The auditor's tool for the school social suite's audit trail (AUD-2, AUD-3).",
        subcommands = {DownloadCommand.class, CheckpointCommand.class, VerifyCommand.class, RemoteVerifyCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:intact, or done", "1:broken: the first break is reported",
                "2:usage error", "3:the suite could not be reached or refused the request"})
public class AuditCli implements Runnable {

    public static final String VERSION = "audit-cli 0.1.0";

    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command: download, checkpoint, verify, remote-verify");
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line; its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new AuditCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof UsageException) {
                line.getErr().println("audit-cli: " + exception.getMessage());
                line.getErr().println("Try 'audit-cli " + line.getCommandName() + " --help'.");
                return USAGE;
            }
            if (exception instanceof SuiteException) {
                line.getErr().println("audit-cli: " + exception.getMessage());
                return UNREACHABLE;
            }
            line.getErr().println("audit-cli: " + exception);
            exception.printStackTrace(line.getErr());
            return UNREACHABLE;
        });
        int exit = commandLine.execute(args);
        out.flush();
        err.flush();
        return exit;
    }
}
