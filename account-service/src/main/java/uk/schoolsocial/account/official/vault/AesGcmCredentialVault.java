package uk.schoolsocial.account.official.vault;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import uk.schoolsocial.account.official.command.AccountError;
import uk.schoolsocial.account.official.command.CredentialVault;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.privacy.AesGcm;

/**
 * ACC-6: login details encrypted at rest with AES-256-GCM. The key is configuration
 * ({@code smp.account.credentials-key}, base64 of 32 bytes; never in git); without one the service
 * stores no login details. Each write has a fresh IV; the account id is the associated data, so
 * a ciphertext copied to another account does not decrypt.
 */
@Singleton
public class AesGcmCredentialVault implements CredentialVault {

    private final EncryptedCredentialRepository credentials;
    private final SecretKey key;
    private final Clock clock;

    AesGcmCredentialVault(EncryptedCredentialRepository credentials, Clock clock,
                          @Value("${smp.account.credentials-key:}") String base64Key) {
        this.credentials = credentials;
        this.clock = clock;
        this.key = base64Key == null || base64Key.isBlank() ? null
                : new SecretKeySpec(Base64.getDecoder().decode(base64Key.strip()), "AES");
        if (key != null && key.getEncoded().length != AesGcm.KEY_BYTES) {
            throw new IllegalStateException("smp.account.credentials-key must be 32 bytes, base64 encoded");
        }
    }

    @Override
    public void store(String accountId, Credentials clear) {
        byte[] plain = (clear.login() + "\n" + clear.secret()).getBytes(StandardCharsets.UTF_8);
        byte[] sealed = AesGcm.seal(key(), accountId.getBytes(StandardCharsets.UTF_8), plain);
        EncryptedCredential row = new EncryptedCredential(accountId, sealed, clock.instant());
        if (credentials.existsById(accountId)) {
            credentials.update(row);
        } else {
            credentials.save(row);
        }
    }

    @Override
    public Optional<Credentials> reveal(String accountId) {
        return credentials.findById(accountId).map(row -> {
            String plain;
            try {
                plain = new String(AesGcm.open(key(), accountId.getBytes(StandardCharsets.UTF_8), row.ciphertext()),
                        StandardCharsets.UTF_8);
            } catch (GeneralSecurityException e) {
                // Never include the input: it may be a secret.
                throw new IllegalStateException("Login details could not be decrypted for account " + accountId);
            }
            int split = plain.indexOf('\n');
            return new Credentials(plain.substring(0, split), plain.substring(split + 1));
        });
    }

    private SecretKey key() {
        if (key == null) {
            throw new DomainException(AccountError.CREDENTIALS_KEY_MISSING,
                    "No credentials key is configured, so login details cannot be stored or revealed");
        }
        return key;
    }
}
