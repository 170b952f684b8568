package uk.schoolsocial.e2e.contract;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Values a field must refuse, chosen for its schema: wrong JSON types, strings with NUL, control
 * characters, lone surrogates or far too long, dates as numbers or out of range, enum values that
 * are not, ids of other records.
 */
final class BadValues {

    /** A bad value and what it is, for the report. */
    record Bad(String what, Object value) {
    }

    private static final List<Bad> WRONG_TYPES = List.of(new Bad("false", false), new Bad("0", 0),
            new Bad("-1", -1), new Bad("1.5", 1.5), new Bad("a string", "text"), new Bad("[1,2]", List.of(1, 2)),
            new Bad("[{...}]", List.of(Map.of("a", 1))), new Bad("{...}", Map.of("a", 1)), new Bad("null", null),
            new Bad("[]", List.of()), new Bad("1e400", new JsonText.Raw("1e400")));

    private final Random random;
    private final IdPools ids;

    BadValues(Random random, IdPools ids) {
        this.random = random;
        this.ids = ids;
    }

    Bad of(Schema<?> original, String name) {
        Schema<?> schema = ValidValues.concrete(original);
        if (random.nextInt(4) == 0) {
            return any(WRONG_TYPES);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            String valid = String.valueOf(schema.getEnum().get(0));
            return any(List.of(new Bad("not one of the enum", "abc"), new Bad("enum in lower case", valid.toLowerCase()),
                    new Bad("empty enum", ""), new Bad("enum with a space", valid + " "), new Bad("enum as number", 1)));
        }
        return switch (ValidValues.type(schema)) {
            case "integer", "number" -> number(schema);
            case "boolean" -> any(List.of(new Bad("\"true\"", "true"), new Bad("1", 1), new Bad("\"yes\"", "yes"),
                    new Bad("null", null)));
            case "array" -> array(schema, name);
            case "object" -> any(List.of(new Bad("[] for an object", List.of()), new Bad("a string for an object", "x"),
                    new Bad("empty object", Map.of()), new Bad("null", null)));
            default -> string(schema, name);
        };
    }

    private Bad number(Schema<?> schema) {
        List<Bad> bads = new ArrayList<>(List.of(new Bad("0", 0), new Bad("-1", -1),
                new Bad("2^31", 2147483648L), new Bad("2^63", new JsonText.Raw("9223372036854775808")),
                new Bad("1.5", 1.5), new Bad("\"1\"", "1"), new Bad("1e400", new JsonText.Raw("1e400"))));
        if (schema.getMinimum() != null) {
            bads.add(new Bad("minimum - 1", schema.getMinimum().longValue() - 1));
        }
        if (schema.getMaximum() != null) {
            bads.add(new Bad("maximum + 1", schema.getMaximum().longValue() + 1));
        }
        return any(bads);
    }

    private Bad array(Schema<?> schema, String name) {
        Schema<?> items = schema.getItems() == null ? new Schema<>().type("string") : schema.getItems();
        Object item = new ValidValues(random, ids).of(items, name);
        return any(List.of(new Bad("empty array", List.of()), new Bad("[null]", Collections.singletonList(null)),
                new Bad("1000 items", Collections.nCopies(1000, item)), new Bad("duplicate items", Arrays.asList(item, item)),
                new Bad("nested array", List.of(Collections.singletonList(item))), new Bad("a scalar for an array", item),
                new Bad("array of bad items", Collections.singletonList(of(items, name).value()))));
    }

    private Bad string(Schema<?> schema, String name) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String kind = name == null ? null : IdPools.kindOf(name);
        List<Bad> bads = new ArrayList<>(texts(schema));
        switch (format) {
            case "date" -> bads.addAll(List.of(new Bad("date as a number", 20261231), new Bad("month 13", "2026-13-45"),
                    new Bad("non-ISO date", "31/12/2026"), new Bad("year +999999", "+999999-01-01"),
                    new Bad("30 February", "2026-02-30"), new Bad("year 0", "0000-01-01"),
                    new Bad("date-time for a date", "2026-11-20T10:00:00Z")));
            case "date-time" -> bads.addAll(List.of(new Bad("no zone", "2026-11-20T18:30:00"),
                    new Bad("epoch seconds", 1732120200), new Bad("date for a date-time", "2026-11-20"),
                    new Bad("words", "yesterday"), new Bad("year +999999", "+999999-01-01T00:00:00Z"),
                    new Bad("hour 25", "2026-11-20T25:61:00Z"), new Bad("year 1", "0001-01-01T00:00:00Z")));
            case "uuid" -> bads.addAll(ids(kind));
            default -> {
                if (kind != null) {
                    bads.addAll(ids(kind));
                }
            }
        }
        return any(bads);
    }

    private List<Bad> ids(String kind) {
        return List.of(new Bad("random id", new UUID(random.nextLong(), random.nextLong()).toString()),
                new Bad("not a uuid", "not-a-uuid"), new Bad("id of another record type", ids.pickOther(kind, random)),
                new Bad("path traversal", "../../etc/passwd"), new Bad("SQL", "' OR '1'='1"));
    }

    static List<Bad> texts(Schema<?> schema) {
        int tooLong = schema.getMaxLength() != null ? schema.getMaxLength() + 1 : 100_000;
        return List.of(new Bad("empty string", ""), new Bad("blank string", " \t "),
                new Bad("string with NUL", "Year 5\u0000news"), new Bad("control characters", "a\u0001\u0007\u001b[2Jb"),
                new Bad("lone high surrogate", "x\ud800y"), new Bad("lone low surrogate", "\udfff"),
                new Bad("C1 control", "a\u0085\u009bb"), new Bad("right-to-left override", "\u202egnp.exe"),
                new Bad("too long (" + tooLong + ")", "a".repeat(tooLong)), new Bad("100000 characters", "b".repeat(100_000)));
    }

    /** Whether a value holds text that should never be stored (what {@link #texts} sends). */
    static boolean holdsBadText(Object value) {
        if (value instanceof String text) {
            return text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    || (c >= 0x7f && c <= 0x9f)) || hasLoneSurrogate(text);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(BadValues::holdsBadText); // an unknown key is not stored
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(BadValues::holdsBadText);
        }
        return false;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private Bad any(List<Bad> bads) {
        return bads.get(random.nextInt(bads.size()));
    }
}
