package uk.schoolsocial.auditcli.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The service's signing key as {@code download --key-out} saves it ({@code key.json}) and
 * {@code --public-key} reads it back: the X.509 Ed25519 key in base64, with its service, algorithm
 * and key id.
 */
public record PinnedKey(String service, String algorithm, String keyId, String publicKey) {

    /** A saved key.json, as it is (the fields it lacks are null). */
    public static PinnedKey read(Path file) throws IOException {
        return ExportJson.LENIENT.readValue(file.toFile(), PinnedKey.class);
    }

    /** Saves it, indented, creating the folder. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, ExportJson.WRITER.writeValueAsBytes(this));
    }
}
