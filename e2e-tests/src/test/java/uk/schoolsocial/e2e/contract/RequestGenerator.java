package uk.schoolsocial.e2e.contract;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates the requests of one operation from its contract, reproducibly from a seed: case 0 is
 * a valid request, case 1 (of an operation with a body) an oversized one (2 MiB, now and then
 * 11 MiB), and every other case a valid request with one thing made wrong: a body field, the
 * body's structure, the whole body, a query or path parameter, or a header
 * ({@code Idempotency-Key}, {@code If-Match}, {@code Content-Type}, {@code X-Correlation-Id}).
 */
public final class RequestGenerator {

    private final ContractOperation operation;
    private final long seed;
    private final IdPools ids;
    // one of each per case: a case depends on the seed, the operation and its number, not on the cases before it
    private Random random;
    private ValidValues valid;
    private BadValues bad;
    private String lastKey;
    private String lastBody;

    /** @param seed the run's seed; each case mixes in the operation's id and its number */
    public RequestGenerator(ContractOperation operation, long seed, IdPools ids) {
        this.operation = operation;
        this.seed = seed;
        this.ids = ids;
    }

    public GeneratedRequest next(int caseNumber) {
        random = new Random((seed * 1_000_003L + operation.id().hashCode()) * 1_000_003L + caseNumber);
        valid = new ValidValues(random, ids);
        bad = new BadValues(random, ids);
        RequestDraft draft = validDraft();
        BodyMutations body = new BodyMutations(operation.body(), random, valid, bad);
        if (caseNumber == 1 && operation.body() != null) {
            body.oversize(draft);
        } else if (caseNumber > 0) {
            mutate(draft, body);
        }
        return build(caseNumber, draft);
    }

    private RequestDraft validDraft() {
        RequestDraft draft = new RequestDraft(operation.users().get(random.nextInt(operation.users().size())));
        for (Parameter parameter : operation.parameters("path")) {
            draft.path.put(parameter.getName(), encode(String.valueOf(valid.of(parameter.getSchema(), parameter.getName()))));
        }
        for (Parameter parameter : operation.parameters("query")) {
            if (Boolean.TRUE.equals(parameter.getRequired()) || random.nextInt(10) < 3) {
                queryValues(parameter).forEach(value -> draft.query.add(Map.entry(parameter.getName(), value)));
            }
        }
        if (operation.method().equals("POST") && random.nextInt(10) < 7) {
            draft.headers.put("Idempotency-Key", new UUID(random.nextLong(), random.nextLong()).toString());
        }
        if (operation.body() != null && (operation.bodyRequired() || random.nextBoolean())) {
            draft.body = valid.of(operation.body(), null);
            draft.headers.put("Content-Type", "application/json");
        }
        return draft;
    }

    private List<String> queryValues(Parameter parameter) {
        Object value = valid.of(parameter.getSchema(), parameter.getName());
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (parameter.getName().equals("school")) {
            return List.of("demo-school");
        }
        return List.of(String.valueOf(value));
    }

    private void mutate(RequestDraft draft, BodyMutations body) {
        List<Runnable> choices = new ArrayList<>();
        if (draft.body instanceof Map<?, ?> map && !map.isEmpty()) {
            for (int i = 0; i < 5; i++) {
                choices.add(() -> body.badField(draft));
            }
            choices.add(() -> body.badStructure(draft));
            choices.add(() -> body.badStructure(draft));
        }
        if (operation.body() != null) {
            choices.add(() -> body.badWholeBody(draft));
            choices.add(() -> body.badWholeBody(draft));
            choices.add(() -> badContentType(draft));
        }
        if (!operation.parameters("query").isEmpty()) {
            for (int i = 0; i < 4; i++) {
                choices.add(() -> badQuery(draft));
            }
        }
        if (!draft.path.isEmpty()) {
            choices.add(() -> badPath(draft));
            choices.add(() -> badPath(draft));
        }
        if (operation.method().equals("POST")) {
            choices.add(() -> badIdempotencyKey(draft));
        }
        if (operation.hasHeader("If-Match")) {
            choices.add(() -> badIfMatch(draft));
        }
        choices.add(() -> badCorrelationId(draft));
        choices.add(() -> draft.label = "valid");
        choices.get(random.nextInt(choices.size())).run();
    }

    private void badContentType(RequestDraft draft) {
        List<String> types = List.of("text/plain", "application/xml", "", "application/json; charset=UTF-16",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded");
        String type = types.get(random.nextInt(types.size()));
        if (draft.body == null) {
            draft.body = valid.of(operation.body(), null);
        }
        if (type.isEmpty()) {
            draft.headers.remove("Content-Type");
            draft.label = "no Content-Type";
        } else {
            draft.headers.put("Content-Type", type);
            draft.label = "Content-Type " + type;
        }
    }

    private void badQuery(RequestDraft draft) {
        List<Parameter> parameters = operation.parameters("query");
        Parameter parameter = parameters.get(random.nextInt(parameters.size()));
        String name = parameter.getName();
        Schema<?> schema = ValidValues.concrete(parameter.getSchema());
        String type = ValidValues.type(schema);
        List<String> values = new ArrayList<>(List.of("", "\u0000", "x".repeat(600)));
        if (name.toLowerCase().contains("cursor")) {
            values.addAll(List.of("abc", "!!!", b64("{\"v\":99}"), b64("{\"v\":1,\"p\":{\"account\":{\"c\":\"x\"}}}"),
                    b64("\u0000\u00ff garbage"), "A".repeat(5000), "eyJ2IjoxfQ", "c2VxOi0x", "c2VxOjk5OTk5OTk5OTk5OTk5OTk5OTk5"));
        } else if (schema.getEnum() != null || "array".equals(type)) {
            List<?> allowed = schema.getEnum() != null ? schema.getEnum()
                    : ValidValues.concrete(schema.getItems()).getEnum();
            String first = allowed == null || allowed.isEmpty() ? "x" : String.valueOf(allowed.get(0));
            values.addAll(List.of("abc", first.toLowerCase(), first + "," + first, first + " "));
        } else if ("integer".equals(type) || "number".equals(type)) {
            values.addAll(List.of("0", "-1", "10000", "abc", "1.5", "2147483648", "1e3", " 5", "0x10"));
        } else if ("boolean".equals(type)) {
            values.addAll(List.of("maybe", "1", "yes", "truee"));
        } else if ("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat())) {
            values.addAll(List.of("yesterday", "2026-13-01", "1732120200", "2026-11-20T10:00:00", "+999999-01-01T00:00:00Z"));
        } else {
            values.addAll(List.of("abc", "other-school", "demo-school,other-school", "../x", "\ud800"));
        }
        draft.query.removeIf(entry -> entry.getKey().equals(name));
        if (random.nextInt(8) == 0) {
            List<String> twice = queryValues(parameter);
            draft.query.add(Map.entry(name, twice.get(0)));
            draft.query.add(Map.entry(name, twice.get(0)));
            draft.label = "query " + name + " given twice";
        } else if (random.nextInt(10) == 0) {
            queryValues(parameter).forEach(value -> draft.query.add(Map.entry(name, value)));
            draft.query.add(Map.entry("unexpected", "1"));
            draft.label = "unknown query parameter";
        } else {
            String value = values.get(random.nextInt(values.size()));
            draft.query.add(Map.entry(name, value));
            draft.label = "query " + name + "=" + GeneratedRequest.shorten(GeneratedRequest.visible(value), 40);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void badPath(RequestDraft draft) {
        List<String> names = new ArrayList<>(draft.path.keySet());
        String name = names.get(random.nextInt(names.size()));
        String kind = IdPools.kindOf(name);
        List<Map.Entry<String, String>> values = List.of(
                Map.entry("random id", new UUID(random.nextLong(), random.nextLong()).toString()),
                Map.entry("not a uuid", "abc"), Map.entry("id of another record type", encode(ids.pickOther(kind, random))),
                Map.entry("300 characters", "a".repeat(300)), Map.entry("NUL", "%00"), Map.entry("invalid UTF-8", "%C3%28"),
                Map.entry("a space", "%20"), Map.entry("right-to-left override", "%E2%80%AE1"), Map.entry("-1", "-1"),
                Map.entry("encoded lone surrogate", "%ED%A0%80"), Map.entry("null", "null"));
        Map.Entry<String, String> value = values.get(random.nextInt(values.size()));
        draft.path.put(name, value.getValue());
        draft.label = "path " + name + " = " + value.getKey();
    }

    private void badIdempotencyKey(RequestDraft draft) {
        int choice = random.nextInt(6);
        if (choice == 0 && lastKey != null) {
            draft.headers.put("Idempotency-Key", lastKey);
            draft.label = "Idempotency-Key of an earlier request, another body";
            return;
        }
        List<Map.Entry<String, String>> keys = List.of(Map.entry("empty", ""), Map.entry("blank", "   "),
                Map.entry("129 characters", "k".repeat(129)), Map.entry("5000 characters", "k".repeat(5000)),
                Map.entry("non-ASCII", "clé-" + random.nextInt(1000)));
        Map.Entry<String, String> key = keys.get(random.nextInt(keys.size()));
        draft.headers.put("Idempotency-Key", key.getValue());
        draft.label = "Idempotency-Key " + key.getKey();
    }

    private void badIfMatch(RequestDraft draft) {
        List<String> values = List.of("abc", "\"-1\"", "\"99999999999999999999\"", "*", "W/\"0\"", "", "\"1\", \"2\"", "1");
        String value = values.get(random.nextInt(values.size()));
        draft.headers.put("If-Match", value);
        draft.label = "If-Match " + value;
    }

    private void badCorrelationId(RequestDraft draft) {
        List<String> values = List.of("c".repeat(129), "c".repeat(5000), "", "a b", "é");
        String value = values.get(random.nextInt(values.size()));
        draft.headers.put("X-Correlation-Id", value);
        draft.label = "X-Correlation-Id " + GeneratedRequest.shorten(value, 12);
    }

    private GeneratedRequest build(int caseNumber, RequestDraft draft) {
        String path = operation.pathTemplate();
        for (Map.Entry<String, String> parameter : draft.path.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        byte[] body = draft.rawBody != null ? draft.rawBody
                : draft.body == null ? null : JsonText.write(draft.body).getBytes(StandardCharsets.UTF_8);
        if (draft.headers.containsKey("Idempotency-Key") && body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            if (!draft.label.startsWith("Idempotency-Key of an earlier") || text.equals(lastBody)) {
                lastKey = draft.headers.get("Idempotency-Key");
                lastBody = text;
            }
        }
        return new GeneratedRequest(caseNumber, draft.label, draft.user, operation.method(), path,
                List.copyOf(draft.query), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(draft.headers)), body,
                draft.badText || draft.rawBody == null && BadValues.holdsBadText(draft.body));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
