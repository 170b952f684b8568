package uk.schoolsocial.launcher;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to environment variables. A malformed value stops the launcher with the
 * variable's name rather than falling back to a default the user did not ask for.
 */
final class EnvReader {

    private final Map<String, String> env;

    EnvReader(Map<String, String> env) {
        this.env = env;
    }

    /** @return the trimmed value; empty when unset or blank */
    Optional<String> text(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    int port(String name, int defaultPort) {
        return text(name).map(value -> parse(name, value, 1, 65_535)).orElse(defaultPort);
    }

    int number(String name, int defaultValue, int min, int max) {
        return text(name).map(value -> parse(name, value, min, max)).orElse(defaultValue);
    }

    Duration seconds(String name, Duration defaultValue) {
        return text(name)
                .map(value -> Duration.ofSeconds(parse(name, value, 1, Integer.MAX_VALUE)))
                .orElse(defaultValue);
    }

    private static int parse(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new SuiteStartException(
                name + " must be a whole number from " + min + " to " + max + ", was: " + value);
    }
}
