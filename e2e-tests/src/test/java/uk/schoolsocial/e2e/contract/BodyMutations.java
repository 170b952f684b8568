package uk.schoolsocial.e2e.contract;

import io.swagger.v3.oas.models.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * What {@link RequestGenerator} does to a request's JSON body: one field given a bad value, the
 * structure broken (a required field missing, every field missing, an extra or duplicated key),
 * the whole body replaced (a scalar, an array, not JSON, invalid UTF-8, nested far too deep), or
 * the body made oversized.
 */
final class BodyMutations {

    /** Far larger than any JSON body but evidence (up to 5 MiB before base64) should be. */
    static final int OVERSIZED_BYTES = 2 * 1024 * 1024;
    /**
     * Larger than anything the suite should take, Micronaut's own default limit (10 MiB) included.
     * Sent for one operation in {@link #HUGE_ONE_IN}: each takes seconds to send.
     */
    static final int HUGE_BYTES = 11 * 1024 * 1024;
    private static final int HUGE_ONE_IN = 12;

    private final Schema<?> schema;
    private final Random random;
    private final ValidValues valid;
    private final BadValues bad;

    BodyMutations(Schema<?> schema, Random random, ValidValues valid, BadValues bad) {
        this.schema = schema;
        this.random = random;
        this.valid = valid;
        this.bad = bad;
    }

    /** A field of the body, at any depth, given a value of the wrong kind. */
    void badField(RequestDraft draft) {
        List<BodySlots.Slot> slots = BodySlots.of(draft.body, schema);
        if (slots.isEmpty()) {
            badStructure(draft);
            return;
        }
        BodySlots.Slot slot = slots.get(random.nextInt(slots.size()));
        BadValues.Bad value = bad.of(slot.schema(), slot.name());
        slot.set(value.value());
        draft.label = "body" + slot.path() + " = " + value.what();
    }

    void badStructure(RequestDraft draft) {
        List<BodySlots.Slot> objects = BodySlots.objects(draft.body, schema);
        BodySlots.Slot target = objects.get(random.nextInt(objects.size()));
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) target.value();
        List<String> required = target.schema().getRequired() == null ? List.of() : target.schema().getRequired();
        List<String> present = required.stream().filter(object::containsKey).toList();
        switch (random.nextInt(4)) {
            case 0 -> {
                if (present.isEmpty()) {
                    object.put("unexpected", "x");
                    draft.label = "extra field body" + target.path() + ".unexpected";
                } else {
                    String name = present.get(random.nextInt(present.size()));
                    object.remove(name);
                    draft.label = "missing required body" + target.path() + "." + name;
                }
            }
            case 1 -> {
                object.clear();
                draft.label = "every field of body" + target.path() + " missing";
            }
            case 2 -> {
                List<Map.Entry<String, Object>> extras = List.of(Map.entry("unexpected", "x"),
                        Map.entry("schoolId", "other-school"), Map.entry("__proto__", Map.of("admin", true)),
                        Map.entry("id", new UUID(random.nextLong(), random.nextLong()).toString()),
                        Map.entry("status", "CLOSED"), Map.entry("a\u0000b", 1));
                Map.Entry<String, Object> extra = extras.get(random.nextInt(extras.size()));
                object.put(extra.getKey(), extra.getValue());
                draft.label = "extra field body" + target.path() + "." + GeneratedRequest.visible(extra.getKey());
            }
            default -> {
                String text = JsonText.write(draft.body);
                if (text.startsWith("{\"")) {
                    String key = text.substring(1, text.indexOf('"', 2) + 1);
                    draft.rawBody = ("{" + key + ":[1,2]," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
                    draft.label = "duplicate key " + key + " (first [1,2])";
                } else {
                    object.put("unexpected", "x");
                    draft.label = "extra field body" + target.path() + ".unexpected";
                }
            }
        }
    }

    void badWholeBody(RequestDraft draft) {
        String validText = JsonText.write(draft.body == null ? valid.of(schema, null) : draft.body);
        List<Map.Entry<String, byte[]>> bodies = List.of(
                raw("body false", "false"), raw("body 0", "0"), raw("body [1,2]", "[1,2]"),
                raw("body [{...}] (the object in an array)", "[" + validText + "]"), raw("body a string", "\"text\""),
                raw("body null", "null"), raw("body empty", ""), raw("body truncated", validText.substring(0, validText.length() / 2)),
                raw("body with trailing garbage", validText + "}x"), raw("body not JSON", "<xml/>"),
                raw("body nested 100000 deep", "[".repeat(100_000) + "]".repeat(100_000)),
                raw("body nested objects 5000 deep", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)),
                Map.entry("body with invalid UTF-8", invalidUtf8(validText)));
        Map.Entry<String, byte[]> chosen = bodies.get(random.nextInt(bodies.size()));
        draft.rawBody = chosen.getValue();
        draft.headers.put("Content-Type", "application/json");
        draft.label = chosen.getKey();
        draft.badText = chosen.getKey().contains("UTF-8");
    }

    private static Map.Entry<String, byte[]> raw(String label, String text) {
        return Map.entry(label, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] invalidUtf8(String validText) {
        int quote = validText.indexOf(":\"");
        byte[] text = validText.getBytes(StandardCharsets.UTF_8);
        if (quote < 0) {
            return new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'};
        }
        int at = validText.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8).length;
        byte[] out = new byte[text.length + 2];
        System.arraycopy(text, 0, out, 0, at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28;
        System.arraycopy(text, at, out, at + 2, text.length - at);
        return out;
    }

    void oversize(RequestDraft draft) {
        if (draft.body == null) {
            draft.body = valid.of(schema, null);
            draft.headers.put("Content-Type", "application/json");
        }
        List<BodySlots.Slot> strings = BodySlots.of(draft.body, schema).stream()
                .filter(slot -> slot.value() instanceof String).toList();
        int size = random.nextInt(HUGE_ONE_IN) == 0 ? HUGE_BYTES : OVERSIZED_BYTES;
        String padding = "a".repeat(size);
        if (strings.isEmpty() && draft.body instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) draft.body;
            object.put("padding", padding);
            draft.label = "oversized body (" + size + " bytes in an extra field)";
        } else if (!strings.isEmpty()) {
            BodySlots.Slot slot = strings.get(random.nextInt(strings.size()));
            slot.set(padding);
            draft.label = "oversized body (" + size + " bytes in body" + slot.path() + ")";
        } else {
            draft.rawBody = (" ".repeat(size) + JsonText.write(draft.body)).getBytes(StandardCharsets.UTF_8);
            draft.label = "oversized body (" + size + " bytes of leading whitespace)";
        }
    }
}
