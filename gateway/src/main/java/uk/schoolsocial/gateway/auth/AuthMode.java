package uk.schoolsocial.gateway.auth;

/** Who issues the bearer tokens the gateway accepts from callers. */
public enum AuthMode {
    /** The gateway's own issuer with demo users ({@code /dev/token}); for development and tests. */
    DEV,
    /** A real OpenID Connect provider, trusted through its JWKS and issuer name. */
    OIDC
}
