package uk.schoolsocial.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code smp.auth.*}: how callers are authenticated.
 *
 * @param mode {@code dev} or {@code oidc}, exactly: the beans of each mode are conditional on this
 *             literal value, so any other spelling must stop the gateway rather than leave it with
 *             no signature to check tokens against
 */
@ConfigurationProperties("smp.auth")
public record AuthProperties(@Bindable(defaultValue = AuthProperties.DEV) String mode) {

    /** Property that selects the mode. */
    public static final String MODE_PROPERTY = "smp.auth.mode";
    /** Value of {@link #MODE_PROPERTY} for the built-in dev issuer (the default). */
    public static final String DEV = "dev";
    /** Value of {@link #MODE_PROPERTY} for a real OpenID Connect provider. */
    public static final String OIDC = "oidc";

    /** The configured mode; throws if the property holds anything but the two literals. */
    public AuthMode authMode() {
        return switch (mode) {
            case DEV -> AuthMode.DEV;
            case OIDC -> AuthMode.OIDC;
            default -> throw new ConfigurationException(
                    MODE_PROPERTY + " must be '" + DEV + "' or '" + OIDC + "', not '" + mode + "'");
        };
    }
}
