package uk.schoolsocial.account.official.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.account.official.command.CredentialVault.Credentials;
import uk.schoolsocial.platform.error.DomainException;

/** ACC-6: what is at rest is ciphertext bound to its account; nothing without a key. */
class AesGcmCredentialVaultTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final Map<String, EncryptedCredential> rows = new HashMap<>();

    private final EncryptedCredentialRepository repository = (EncryptedCredentialRepository) java.lang.reflect.Proxy
            .newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EncryptedCredentialRepository.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "existsById" -> rows.containsKey((String) args[0]);
                        case "save", "update" -> {
                            EncryptedCredential row = (EncryptedCredential) args[0];
                            rows.put(row.accountId(), row);
                            yield row;
                        }
                        case "findById" -> Optional.ofNullable(rows.get((String) args[0]));
                        default -> throw new UnsupportedOperationException(method.getName());
                    });

    @Test
    void acc6_storedDetailsAreEncryptedAndComeBackOnlyForTheirAccount() {
        AesGcmCredentialVault vault = new AesGcmCredentialVault(repository, Clock.systemUTC(), KEY);
        vault.store("acc-1", new Credentials("pe@oakfield", "s3cret!"));
        byte[] atRest = rows.get("acc-1").ciphertext();
        assertFalse(new String(atRest, StandardCharsets.ISO_8859_1).contains("s3cret"));
        assertEquals(new Credentials("pe@oakfield", "s3cret!"), vault.reveal("acc-1").orElseThrow());
        rows.put("acc-2", new EncryptedCredential("acc-2", atRest, rows.get("acc-1").updatedAt()));
        assertThrows(IllegalStateException.class, () -> vault.reveal("acc-2"));
    }

    @Test
    void acc6_eachStoreUsesAFreshIv() {
        AesGcmCredentialVault vault = new AesGcmCredentialVault(repository, Clock.systemUTC(), KEY);
        vault.store("acc-1", new Credentials("a", "b"));
        byte[] first = rows.get("acc-1").ciphertext();
        vault.store("acc-1", new Credentials("a", "b"));
        assertFalse(java.util.Arrays.equals(first, rows.get("acc-1").ciphertext()));
    }

    @Test
    void acc6_withoutAConfiguredKeyNothingIsStored() {
        AesGcmCredentialVault vault = new AesGcmCredentialVault(repository, Clock.systemUTC(), "");
        assertThrows(DomainException.class, () -> vault.store("acc-1", new Credentials("a", "b")));
        assertFalse(rows.containsKey("acc-1"));
    }
}
