package uk.schoolsocial.gateway.auth;

import io.micronaut.security.authentication.Authentication;

import java.util.List;
import java.util.Map;

/**
 * How the caller signed in, as their token says: its {@code amr} (authentication methods, RFC 8176
 * values such as {@code pwd}, {@code otp}, {@code mfa}), and its {@code acr} with the authentication
 * contexts Entra ID's v2.0 tokens list in {@code acrs}. What the step-up of the most sensitive
 * operations looks at ({@link StepUpPolicy}).
 *
 * @param methods  the {@code amr} values, none when the token has none (a machine token has none)
 * @param contexts the {@code acr} and the {@code acrs} values, none when the token has neither
 */
public record SignInAssurance(List<String> methods, List<String> contexts) {

    static final String METHODS_ATTRIBUTE = "amr";
    static final String ACR_ATTRIBUTE = "acr";

    public SignInAssurance {
        methods = List.copyOf(methods);
        contexts = List.copyOf(contexts);
    }

    /** The assurance kept with an authentication made by {@link CallerAuthenticationFactory}. */
    public static SignInAssurance of(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        List<String> methods = attributes.get(METHODS_ATTRIBUTE) instanceof List<?> listed
                ? listed.stream().map(Object::toString).toList() : List.of();
        List<String> contexts = attributes.get(ACR_ATTRIBUTE) instanceof List<?> listed
                ? listed.stream().map(Object::toString).toList() : List.of();
        return new SignInAssurance(methods, contexts);
    }

    void addTo(Map<String, Object> attributes) {
        if (!methods.isEmpty()) {
            attributes.put(METHODS_ATTRIBUTE, methods);
        }
        if (!contexts.isEmpty()) {
            attributes.put(ACR_ATTRIBUTE, contexts);
        }
    }
}
