package uk.schoolsocial.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The launcher's persistent state, one directory per installation:
 *
 * <pre>
 * mariadb/      embedded database files (kept between runs)
 * mariadb-bin/  MariaDB binaries unpacked from the classpath (kept: unpacking takes seconds)
 * secrets/      internal token secret, the gateway's dev issuer key, account-service's
 *               credentials key and the services' audit signing key (owner-only)
 * logs/         one log per child process, rewritten at each start of the launcher and
 *               continued below the run that died at each restart (issue 11)
 * run/          the running launcher's lock and a record of each process it started, so the
 *               next launcher can stop them should this one be killed (issue 11)
 * </pre>
 *
 * The root and {@code secrets/} are created owner-only, so the gateway's key file is protected
 * whatever permissions the gateway gives it.
 */
final class DataDirectory {

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /** Creates the layout where missing; existing contents are left as they are. */
    static DataDirectory prepare(Path root) {
        DataDirectory dir = new DataDirectory(root.toAbsolutePath().normalize());
        try {
            OwnerOnly.createDirectories(dir.root);
            OwnerOnly.createDirectories(dir.secrets());
            OwnerOnly.createDirectories(dir.logs());
            OwnerOnly.createDirectories(dir.run());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + root, e);
        }
        return dir;
    }

    Path root() {
        return root;
    }

    Path mariaDbData() {
        return root.resolve("mariadb");
    }

    Path mariaDbBinaries() {
        return root.resolve("mariadb-bin");
    }

    Path secrets() {
        return root.resolve("secrets");
    }

    Path internalTokenSecret() {
        return secrets().resolve("internal-token.secret");
    }

    /** Account-service's credentials key (ACC-6); the launcher creates it on first start. */
    Path credentialsKey() {
        return secrets().resolve("account-credentials.key");
    }

    /** The services' master key for data-subject keys (AUD-4); the launcher creates it on first start. */
    Path privacyMasterKey() {
        return secrets().resolve("privacy-master.key");
    }

    /** The services' Ed25519 audit key (AUD-3); the launcher creates it on first start. */
    Path auditSigningKey() {
        return secrets().resolve("audit-signing.key");
    }

    Path devIssuerKey() {
        return secrets().resolve("dev-issuer.jwk");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String processName) {
        return logs().resolve(processName + ".log");
    }

    /** @see ProcessRecords */
    Path run() {
        return root.resolve("run");
    }

    /** @see LauncherLock */
    Path launcherLock() {
        return run().resolve("launcher.lock");
    }
}
