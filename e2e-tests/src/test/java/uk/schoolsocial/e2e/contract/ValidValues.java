package uk.schoolsocial.e2e.contract;

import io.swagger.v3.oas.models.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Values that the contract accepts, from a schema: enums, formats, lengths, ranges and patterns
 * respected, ids taken from {@link IdPools} by the field's name. They are the starting point each
 * bad request is made from, so most requests get past the first check they break.
 */
final class ValidValues {

    private static final List<String> TEXTS = List.of("Shared on the parents' page", "Year 5 rain gauge",
            "Reported by the office", "Approved at the SLT meeting", "Fixtures and results", "Zoë Ó Briain's class");
    private static final List<String> TOKENS = List.of("oakfield_pe", "year-5.news", "form-2026-117", "ref:42");

    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Random random;
    private final IdPools ids;

    ValidValues(Random random, IdPools ids) {
        this.random = random;
        this.ids = ids;
    }

    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        return schema.getItems() != null ? "array" : "string";
    }

    /** A schema's effective shape: the first alternative of a oneOf/anyOf, the union of an allOf. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> concrete(Schema<?> schema) {
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return concrete(schema.getOneOf().get(0));
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return concrete(schema.getAnyOf().get(0));
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            Schema merged = new Schema<>().type("object");
            for (Schema<?> part : schema.getAllOf()) {
                Schema<?> p = concrete(part);
                if (p.getProperties() != null) {
                    p.getProperties().forEach((name, property) -> merged.addProperty(name, property));
                }
                if (p.getRequired() != null) {
                    p.getRequired().forEach(name -> merged.addRequiredItem(name));
                }
            }
            return merged;
        }
        return schema;
    }

    Object of(Schema<?> original, String name) {
        Schema<?> schema = concrete(original);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(random.nextInt(schema.getEnum().size()));
        }
        return switch (type(schema)) {
            case "object" -> object(schema);
            case "array" -> array(schema, name);
            case "integer" -> integer(schema, name);
            case "number" -> integer(schema, name);
            case "boolean" -> random.nextBoolean();
            default -> string(schema, name);
        };
    }

    Map<String, Object> object(Schema<?> schema) {
        Map<String, Object> object = new LinkedHashMap<>();
        Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if (Boolean.TRUE.equals(property.getReadOnly())) {
                    return;
                }
                if (required.contains(name) || random.nextInt(10) < 6) {
                    object.put(name, of(property, name));
                }
            });
        }
        return object;
    }

    private List<Object> array(Schema<?> schema, String name) {
        int min = schema.getMinItems() == null ? 0 : schema.getMinItems();
        int max = schema.getMaxItems() == null ? min + 2 : Math.min(schema.getMaxItems(), min + 2);
        int size = min + random.nextInt(Math.max(1, max - min + 1));
        Schema<?> items = schema.getItems() == null ? new Schema<>().type("string") : concrete(schema.getItems());
        String kind = name == null ? null : IdPools.kindOf(name);
        // The items draw from a random of their own: how many draws they take depends on the ids known so far.
        ValidValues local = new ValidValues(new Random(random.nextLong()), ids);
        List<Object> array = new ArrayList<>();
        if (kind != null && "string".equals(type(items)) && items.getEnum() == null) {
            array.addAll(ids.distinct(kind, size, local.random));
        }
        boolean unique = Boolean.TRUE.equals(schema.getUniqueItems());
        for (int tries = 0; array.size() < size && tries < 20; tries++) {
            Object item = local.of(items, name);
            if (!unique || !array.contains(item)) {
                array.add(item);
            }
        }
        return array;
    }

    private Object integer(Schema<?> schema, String name) {
        if (schema.getExample() instanceof Number example && random.nextBoolean()) {
            return example;
        }
        long min = schema.getMinimum() == null ? 0 : schema.getMinimum().longValue();
        long max = schema.getMaximum() == null ? min + 50 : Math.min(schema.getMaximum().longValue(), min + 50);
        if (name != null && name.toLowerCase().contains("version")) {
            return Math.max(min, 1);
        }
        if (name != null && name.equals("limit")) {
            return Math.min(max, 20);
        }
        return min + (max > min ? random.nextInt((int) Math.min(Integer.MAX_VALUE, max - min + 1)) : 0);
    }

    String string(Schema<?> schema, String name) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String kind = name == null ? null : IdPools.kindOf(name);
        switch (format) {
            case "date":
                return LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(30)).toString();
            case "date-time":
                return OffsetDateTime.now(ZoneOffset.UTC).minusHours(1 + random.nextInt(48))
                        .truncatedTo(ChronoUnit.SECONDS).toInstant().toString();
            case "uuid":
                return kind != null ? ids.pick(kind, random) : new UUID(random.nextLong(), random.nextLong()).toString();
            case "uri":
            case "url":
                return "https://demo-school.example/news/" + random.nextInt(1000);
            case "email":
                return "office" + random.nextInt(100) + "@demo-school.example";
            case "byte":
                return Base64.getEncoder().encodeToString(("Evidence " + random.nextInt(1000)).getBytes());
            default:
                break;
        }
        List<String> candidates = new ArrayList<>();
        if (kind != null) {
            candidates.add(ids.pick(kind, random));
        }
        if (schema.getExample() instanceof String example) {
            candidates.add(example);
        }
        candidates.add(TEXTS.get(random.nextInt(TEXTS.size())) + " " + random.nextInt(1000));
        candidates.add(TOKENS.get(random.nextInt(TOKENS.size())));
        candidates.add(String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(),
                random.nextLong())); // a SHA-256 in hex
        candidates.add(LocalDate.now(ZoneOffset.UTC).minusMonths(random.nextInt(12)).toString().substring(0, 7)); // a month
        candidates.add("x" + random.nextInt(100_000));
        for (String candidate : candidates) {
            if (fits(schema, candidate)) {
                return candidate;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /** Whether a string meets the schema's length and pattern (JSON Schema patterns are not anchored). */
    static boolean fits(Schema<?> schema, String value) {
        int length = value.codePointCount(0, value.length());
        if (schema.getMinLength() != null && length < schema.getMinLength()
                || schema.getMaxLength() != null && length > schema.getMaxLength()) {
            return false;
        }
        return schema.getPattern() == null
                || PATTERNS.computeIfAbsent(schema.getPattern(), Pattern::compile).matcher(value).find();
    }
}
