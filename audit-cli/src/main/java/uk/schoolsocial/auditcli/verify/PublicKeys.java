package uk.schoolsocial.auditcli.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import uk.schoolsocial.auditcli.UsageException;

/** Reads the pinned public key: base64 X.509 text, or a file holding it or a saved {@code key.json}. */
public final class PublicKeys {

    private PublicKeys() {
    }

    /** The X.509 bytes of an Ed25519 public key given as base64, a file of base64, or a key.json. */
    public static byte[] read(String given) {
        String text = given.trim();
        String from = "--public-key";
        Path file = asFile(text);
        if (file != null) {
            from = file.toString();
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new UsageException("Could not read " + file + ": " + e.getMessage(), e);
            }
            if (text.startsWith("{")) {
                text = fromJson(text, file);
            }
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(key));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new UsageException(from + " is not an Ed25519 public key (X.509, base64) nor a readable file"
                    + " holding one");
        }
        return key;
    }

    private static String fromJson(String text, Path file) {
        PinnedKey pinned;
        try {
            pinned = ExportJson.STRICT.readValue(text, PinnedKey.class);
        } catch (IOException e) {
            throw new UsageException(file + " is not JSON: " + e.getMessage(), e);
        }
        if (pinned.algorithm() != null && !"Ed25519".equals(pinned.algorithm())) {
            throw new UsageException(file + " holds a " + pinned.algorithm() + " key, not Ed25519");
        }
        if (pinned.publicKey() == null) {
            throw new UsageException(file + " has no \"publicKey\"");
        }
        return pinned.publicKey().trim();
    }

    private static Path asFile(String text) {
        try {
            Path path = Path.of(text);
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
