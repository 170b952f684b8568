package uk.schoolsocial.platform.webhook;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.SecretKey;
import uk.schoolsocial.platform.privacy.AesGcm;
import uk.schoolsocial.platform.privacy.SubjectKeys;

/**
 * Signing secrets at rest (INT-1, decision 12): a subscription's secret must be readable to sign
 * with, so it is encrypted (AES-256-GCM under a key derived from {@code smp.privacy.master-key},
 * the subscription's school and id as associated data) rather than hashed. A database dump or a
 * backup alone cannot sign a delivery, and a sealed secret copied to another row does not open.
 * Stored as {@code v1:} and base64; a secret stored in clear before this ({@code whsec_...}) is
 * still read as it is.
 */
@Singleton
class WebhookSecrets {

    private static final String SEALED = "v1:";
    private final SecretKey key;

    WebhookSecrets(SubjectKeys keys) {
        this.key = keys.derivedKey("webhook-secrets");
    }

    String seal(String schoolId, String subscriptionId, String secret) {
        return SEALED + Base64.getEncoder().encodeToString(AesGcm.seal(key, boundTo(schoolId, subscriptionId),
                secret.getBytes(StandardCharsets.UTF_8)));
    }

    String open(String schoolId, String subscriptionId, String stored) {
        if (!stored.startsWith(SEALED)) {
            return stored;
        }
        try {
            return new String(AesGcm.open(key, boundTo(schoolId, subscriptionId),
                    Base64.getDecoder().decode(stored.substring(SEALED.length()))), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The signing secret of webhook subscription " + subscriptionId
                    + " does not open with this master key (SMP_PRIVACY_MASTER_KEY changed, or the row was edited)", e);
        }
    }

    private static byte[] boundTo(String schoolId, String subscriptionId) {
        return ("webhook-secret:" + schoolId + ":" + subscriptionId).getBytes(StandardCharsets.UTF_8);
    }
}
