package uk.schoolsocial.account.official.vault;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import uk.schoolsocial.account.official.command.AccountError;
import uk.schoolsocial.account.official.command.CredentialVault;
import uk.schoolsocial.platform.error.DomainException;

/**
 * ACC-6: login details encrypted at rest with AES-256-GCM. The key is configuration
 * ({@code smp.account.credentials-key}, base64 of 32 bytes; never in git); without one the service
 * stores no login details. Each write has a fresh IV; the account id is the associated data, so
 * a ciphertext copied to another account does not decrypt.
 */
@Singleton
public class AesGcmCredentialVault implements CredentialVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final EncryptedCredentialRepository credentials;
    private final SecretKey key;
    private final Clock clock;

    AesGcmCredentialVault(EncryptedCredentialRepository credentials, Clock clock,
                          @Value("${smp.account.credentials-key:}") String base64Key) {
        this.credentials = credentials;
        this.clock = clock;
        this.key = base64Key == null || base64Key.isBlank() ? null
                : new SecretKeySpec(Base64.getDecoder().decode(base64Key.strip()), "AES");
        if (key != null && key.getEncoded().length != 32) {
            throw new IllegalStateException("smp.account.credentials-key must be 32 bytes, base64 encoded");
        }
    }

    @Override
    public void store(String accountId, Credentials clear) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] plain = (clear.login() + "\n" + clear.secret()).getBytes(StandardCharsets.UTF_8);
        byte[] sealed = ByteBuffer.allocate(IV_BYTES + plain.length + TAG_BITS / 8)
                .put(iv).put(crypt(Cipher.ENCRYPT_MODE, accountId, iv, plain, 0, plain.length)).array();
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
            byte[] sealed = row.ciphertext();
            byte[] iv = java.util.Arrays.copyOf(sealed, IV_BYTES);
            String plain = new String(crypt(Cipher.DECRYPT_MODE, accountId, iv, sealed, IV_BYTES,
                    sealed.length - IV_BYTES), StandardCharsets.UTF_8);
            int split = plain.indexOf('\n');
            return new Credentials(plain.substring(0, split), plain.substring(split + 1));
        });
    }

    private byte[] crypt(int mode, String accountId, byte[] iv, byte[] input, int offset, int length) {
        if (key == null) {
            throw new DomainException(AccountError.CREDENTIALS_KEY_MISSING,
                    "No credentials key is configured, so login details cannot be stored or revealed");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            // Never include the input: it may be a secret.
            throw new IllegalStateException("Login details could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted") + " for account " + accountId);
        }
    }
}
