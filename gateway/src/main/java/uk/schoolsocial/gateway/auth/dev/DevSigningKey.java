package uk.schoolsocial.gateway.auth.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.gateway.auth.AuthProperties;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.UUID;

/**
 * The dev issuer's RSA key pair, read from {@code smp.auth.dev.key-file} or created there on first
 * start. Keeping it in a file lets demo tokens outlive a restart of the gateway. Loaded at startup
 * ({@link Context}), so an unreadable key file stops the gateway at once.
 */
@Context
@Requires(property = AuthProperties.MODE_PROPERTY, value = AuthProperties.DEV, defaultValue = AuthProperties.DEV)
final class DevSigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(DevSigningKey.class);
    private static final int KEY_SIZE = 2048;

    private final RSAKey key;

    DevSigningKey(DevIssuerProperties properties) {
        this.key = loadOrCreate(properties.keyFile());
        LOG.warn("Dev mode: POST /dev/token gives anyone a token for a demo user; set smp.auth.mode=oidc in production");
    }

    RSAKey key() {
        return key;
    }

    private static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey created = new RSAKeyGenerator(KEY_SIZE)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            write(file, created.toJSONString());
            LOG.info("Created the dev issuer key in {}", file);
            return created;
        } catch (IOException | ParseException | JOSEException e) {
            throw new ConfigurationException("Cannot read or create the dev issuer key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes through a temporary file: {@link Files#createTempFile} makes it readable by its owner
     * only (on POSIX), and the move means no gateway ever reads half a key.
     */
    private static void write(Path file, String json) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".dev-issuer", ".tmp");
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
