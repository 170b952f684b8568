package uk.schoolsocial.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The HS256 secret the gateway signs internal tokens with and the services verify. Generated
 * once per data directory and reused, so tokens and keys stay valid across restarts; an explicit
 * value (from {@code SMP_INTERNAL_TOKEN_SECRET}) wins, for deployments that share it with other
 * hosts.
 */
final class InternalTokenSecret {

    /** The runtime contract's minimum; HS256 needs at least 256 bits of key. */
    static final int MIN_LENGTH = 32;

    private static final int RANDOM_BYTES = 48;

    private InternalTokenSecret() {}

    /**
     * @param override a configured secret, used as it is
     * @param file where the generated secret is kept
     * @return the secret, at least {@value #MIN_LENGTH} characters
     */
    static String resolve(Optional<String> override, Path file) {
        if (override.isPresent()) {
            return requireLength(override.get(), "SMP_INTERNAL_TOKEN_SECRET");
        }
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            return requireLength(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        OwnerOnly.createFile(file, Base64.getEncoder().encodeToString(random));
    }

    private static String requireLength(String secret, String source) {
        if (secret.length() < MIN_LENGTH) {
            throw new SuiteStartException(
                    "The internal token secret from " + source + " is shorter than " + MIN_LENGTH
                            + " characters.");
        }
        return secret;
    }
}
