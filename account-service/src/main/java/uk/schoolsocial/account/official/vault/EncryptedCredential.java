package uk.schoolsocial.account.official.vault;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** ACC-6: one account's login details as stored: IV and AES-GCM ciphertext, nothing in the clear. */
@MappedEntity("account_credential")
record EncryptedCredential(@Id String accountId, byte[] ciphertext, Instant updatedAt) {
}
