package uk.schoolsocial.gateway.auth;

/**
 * Why a caller's bearer token was refused: the stable {@code code} of the 401 problem (common.yaml,
 * {@code Unauthorized}), so an integrator setting up an identity provider sees what to change.
 */
public enum TokenRefusal {
    /** No bearer token at all. */
    UNAUTHORIZED,
    /** Not a signed JWT that can be read. */
    TOKEN_UNREADABLE,
    /** Its claims would do, but no key the issuer publishes verifies its signature. */
    TOKEN_SIGNATURE,
    /** Past its {@code exp}, or without one. */
    TOKEN_EXPIRED,
    /** Before its {@code nbf}. */
    TOKEN_NOT_YET_VALID,
    /** Another {@code iss} than the configured issuer. */
    TOKEN_ISSUER,
    /** Its {@code aud} does not name the suite's API. */
    TOKEN_AUDIENCE,
    /** No {@code sub}. */
    TOKEN_NO_SUBJECT,
    /** No school claim, and not a machine client configured with a school. */
    TOKEN_NO_SCHOOL,
    /** None of the suite's seven roles. */
    TOKEN_NO_ROLE
}
