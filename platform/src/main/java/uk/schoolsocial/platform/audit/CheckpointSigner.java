package uk.schoolsocial.platform.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.events.AuditChain;

/**
 * Signs checkpoints with the suite's Ed25519 audit key, {@code smp.audit.signing-key}: a
 * base64 PKCS#8 private key, configuration and never code (the launcher generates one into the
 * data directory; docs/runtime-contract.md). Without one, a key is made for this process only and
 * its checkpoints cannot be checked after a restart: fine for tests, said loudly otherwise.
 */
@Singleton
public class CheckpointSigner {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSigner.class);

    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private final String keyId;

    CheckpointSigner(@Nullable @Value("${smp.audit.signing-key:}") String configured) {
        try {
            KeyPair pair = configured == null || configured.isBlank() ? ephemeral() : fromConfiguration(configured);
            this.privateKey = pair.getPrivate();
            this.publicKey = pair.getPublic().getEncoded();
            this.keyId = AuditChain.keyId(publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("smp.audit.signing-key is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String keyId() {
        return keyId;
    }

    String sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a checkpoint", e);
        }
    }

    private static KeyPair ephemeral() throws GeneralSecurityException {
        LOG.warn("smp.audit.signing-key is not set: audit checkpoints are signed with a key that dies with this"
                + " process. Set it (base64 PKCS#8 Ed25519) in any real deployment.");
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static KeyPair fromConfiguration(String base64) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        if (!(key instanceof EdECPrivateKey)) {
            throw new GeneralSecurityException("not an Ed25519 key");
        }
        return new KeyPair(publicFrom(key), key);
    }

    /** Java cannot derive an EdDSA public key from the private one, but signing needs no public key: we prove it. */
    private static PublicKey publicFrom(PrivateKey key) throws GeneralSecurityException {
        // The PKCS#8 v2 encoding Java writes does not carry the public key either; derive it by
        // regenerating with the private scalar as the seed.
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(
                () -> new GeneralSecurityException("the private key hides its bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, new FixedSeed(seed));
        return generator.generateKeyPair().getPublic();
    }

    /** A "random" source that yields the given seed: Ed25519 key generation draws exactly 32 bytes. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
