package uk.schoolsocial.launcher;

/**
 * The AES-256 master key that wraps every service's data-subject keys (AUD-4, decision 9):
 * configuration, never code. Generated once per data directory, owner-only, like the ACC-6
 * credentials key; {@code SMP_PRIVACY_MASTER_KEY} in the launcher's environment wins. Losing it
 * makes every sealed personal field unreadable, as if erased. Kept as {@link CredentialsKey#resolve} keeps keys.
 */
final class PrivacyMasterKey {

    static final String VARIABLE = "SMP_PRIVACY_MASTER_KEY";

    private PrivacyMasterKey() {}
}
