-- ACC-6: login details, AES-GCM encrypted with the key from smp.account.credentials-key; the
-- 12-byte IV is prepended to the ciphertext and the account id is the associated data.
CREATE TABLE account_credential (
    account_id  VARCHAR(36)   NOT NULL,
    ciphertext  VARBINARY(4096) NOT NULL,
    updated_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
