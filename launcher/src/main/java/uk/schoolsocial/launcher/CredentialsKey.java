package uk.schoolsocial.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The AES-256 key account-service encrypts official accounts' credentials with (ACC-6):
 * configuration, never code. Generated once per data directory, owner-only, and reused, so
 * credentials stored in one run can be revealed in the next. {@code SMP_ACCOUNT_CREDENTIALS_KEY}
 * in the launcher's environment wins and reaches account-service unchanged.
 */
final class CredentialsKey {

    static final String VARIABLE = "SMP_ACCOUNT_CREDENTIALS_KEY";
    private static final int KEY_BYTES = 32;

    private CredentialsKey() {}

    /**
     * An AES-256 key kept in {@code file}: created once (32 random bytes, base64, owner-only) and
     * read back at every start. The credentials key and the privacy master key are both kept so.
     */
    static String resolve(Path file) {
        try {
            if (Files.notExists(file)) {
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                OwnerOnly.createFile(file, Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
