package uk.schoolsocial.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The suite's Ed25519 audit key, which every service signs its audit checkpoints with (AUD-3,
 * docs/audit.md): configuration, never code. Generated once per data directory as a base64
 * PKCS#8 private key, owner-only, and reused, so checkpoints kept from one run still verify in
 * the next. {@code SMP_AUDIT_SIGNING_KEY} in the launcher's environment wins and reaches the
 * services unchanged.
 */
final class AuditSigningKey {

    static final String VARIABLE = "SMP_AUDIT_SIGNING_KEY";
    static final String ALGORITHM = "Ed25519";

    private AuditSigningKey() {}

    static String resolve(Path file) {
        try {
            if (Files.notExists(file)) {
                OwnerOnly.createFile(file, generate());
            }
            return requireKey(Files.readString(file, StandardCharsets.UTF_8).trim(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static String generate() {
        try {
            byte[] pkcs8 = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair().getPrivate().getEncoded();
            return Base64.getEncoder().encodeToString(pkcs8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate " + ALGORITHM + " keys", e);
        }
    }

    /** A damaged file would stop every service; say so once, naming the file. */
    private static String requireKey(String key, Path file) {
        try {
            KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SuiteStartException("The audit signing key in " + file + " is not a base64 PKCS#8 "
                    + ALGORITHM + " private key. Restore it from a backup, or delete it to have a new one made"
                    + " (checkpoints signed with the old key then no longer verify).");
        }
    }
}
