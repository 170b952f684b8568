package uk.schoolsocial.gateway.auth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a caller has signed in strongly enough for the most sensitive operations: for a school
 * that requires it, a token whose {@code amr} holds one of the configured methods, or whose
 * {@code acr} (or one of whose Entra ID {@code acrs}) is one of the configured values. Built at startup, so a configuration that no token
 * could ever satisfy, or with values that cannot go into a header, stops the gateway.
 */
@Context
final class StepUpPolicy {

    /** Every school requires step-up. */
    static final String EVERY_SCHOOL = "*";
    /** RFC 6749's characters of a quoted value (NQSCHAR without '"' and '\'), and no space inside one value. */
    private static final Pattern VALUE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,200}");

    private final Set<String> schools;
    private final Set<String> methods;
    private final List<String> acrValues;

    StepUpPolicy(StepUpProperties properties) {
        this.schools = Set.copyOf(orNone(properties.schools()));
        this.methods = Set.copyOf(valid(orNone(properties.methods()), "smp.auth.step-up.methods"));
        this.acrValues = List.copyOf(valid(orNone(properties.acrValues()), "smp.auth.step-up.acr-values"));
        if (!schools.isEmpty() && methods.isEmpty() && acrValues.isEmpty()) {
            throw new ConfigurationException("smp.auth.step-up.schools names schools, but neither"
                    + " smp.auth.step-up.methods nor smp.auth.step-up.acr-values says what counts as multi-factor");
        }
    }

    boolean requiredFor(String school) {
        return schools.contains(EVERY_SCHOOL) || schools.contains(school);
    }

    boolean satisfiedBy(SignInAssurance assurance) {
        return assurance.methods().stream().anyMatch(methods::contains)
                || assurance.contexts().stream().anyMatch(acrValues::contains);
    }

    /** The {@code acr} values to name in the challenge, none when only {@code amr} counts. */
    List<String> acrValues() {
        return acrValues;
    }

    private static List<String> orNone(List<String> values) {
        return values == null ? Collections.emptyList() : values.stream().map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }

    private static List<String> valid(List<String> values, String property) {
        for (String value : values) {
            if (!VALUE.matcher(value).matches()) {
                throw new ConfigurationException(property + " values must be printable ASCII without spaces, quotes"
                        + " or backslashes; '" + value + "' is not");
            }
        }
        return values;
    }
}
