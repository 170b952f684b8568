package uk.schoolsocial.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's master key ({@code smp.privacy.master-key}, AES-256, base64): it wraps the subject
 * keys (AES-GCM, the subject as associated data) and derives the keys of other secrets kept at
 * rest (HMAC-SHA256 of their purpose), so that it never serves two uses directly.
 */
final class MasterKey {

    private final SecretKey key;

    private MasterKey(SecretKey key) {
        this.key = key;
    }

    static MasterKey of(String base64) {
        if (base64.isBlank()) {
            throw new IllegalStateException("SMP_PRIVACY_MASTER_KEY (smp.privacy.master-key) is not set: every service"
                    + " seals personal data under keys it wraps (AUD-4). The launcher generates one per data directory;"
                    + " with docker, set it in docker/.env (openssl rand -base64 32)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SMP_PRIVACY_MASTER_KEY (smp.privacy.master-key) must be base64", e);
        }
        if (bytes.length != AesGcm.KEY_BYTES) {
            throw new IllegalStateException("SMP_PRIVACY_MASTER_KEY (smp.privacy.master-key) must be 32 bytes,"
                    + " base64; it is " + bytes.length);
        }
        return new MasterKey(new SecretKeySpec(bytes, "AES"));
    }

    byte[] wrap(byte[] associatedData, byte[] subjectKey) {
        return AesGcm.seal(key, associatedData, subjectKey);
    }

    byte[] unwrap(byte[] associatedData, byte[] wrapped) throws GeneralSecurityException {
        return AesGcm.open(key, associatedData, wrapped);
    }

    /** A key for {@code purpose}: HMAC-SHA256 of it under the master key, so it changes with the master key. */
    SecretKey derived(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new SecretKeySpec(mac.doFinal(("smp-derived-key:" + purpose).getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e); // in every JDK
        }
    }
}
