package uk.schoolsocial.platform.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values an enumeration of the contract takes, as a client writes them (its JSON names, not the
 * Java constants'), so that a refusal can list them.
 */
@Singleton
public final class EnumValues {

    private final ObjectMapper json;
    private final Map<Class<?>, List<String>> known = new ConcurrentHashMap<>();

    EnumValues(ObjectMapper json) {
        this.json = json;
    }

    /** The JSON values of {@code type}, in declaration order. */
    public List<String> of(Class<?> type) {
        return known.computeIfAbsent(type, t -> Arrays.stream(t.getEnumConstants())
                .map(constant -> json.valueToTree(constant).asText())
                .toList());
    }

    /** "must be one of A, B, C". */
    public String mustBeOneOf(Class<?> type) {
        return "must be one of " + String.join(", ", of(type));
    }
}
