package uk.schoolsocial.e2e.contract;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Issue 18, one error contract: for each documented error status of an operation that any
 * operation can be brought to give, the request that must give it, made from the operation's valid
 * request (case 0 of {@link RequestGenerator}):
 * <ul>
 *   <li>401: no token;</li>
 *   <li>403: a demo user of a role the description does not name (when it names roles);</li>
 *   <li>404: every id in the path well formed but of no record;</li>
 *   <li>400: a body with a property the schema does not have, else a parameter of the wrong type;</li>
 *   <li>413: a body one byte over the operation's {@code x-max-body-bytes};</li>
 *   <li>415: the body as {@code text/plain}.</li>
 * </ul>
 * The others (409, 412, 422, 429, 503) answer a record's state, a rule or the load, and are brought
 * about by the services' and the gateway's own tests, rule by rule; {@link #BY_RULE} lists them so a
 * status documented outside both sets fails the walk rather than going unchecked.
 */
public final class DocumentedErrors {

    /**
     * Statuses that depend on a record's state, a business rule, the load or a fault of a service
     * behind the gateway: each service's and the gateway's own tests give them.
     */
    public static final Set<Integer> BY_RULE = Set.of(409, 412, 422, 429, 502, 503, 504);
    /** Demo users who are never the applicant or an administrator of the walk's records. */
    private static final Set<String> UNRELATED = Set.of("parent", "auditor", "mis");
    /** Words by which a description lets a relationship to the record, not only a role, in. */
    private static final java.util.regex.Pattern RELATION = java.util.regex.Pattern.compile(
            "applicant|administrator of|their own|linked|own reports|who reported", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** The statuses this walk gives for any operation that documents them. */
    public static final Set<Integer> WALKED = Set.of(400, 401, 403, 404, 413, 415);

    /**
     * The status the contract says a request gets, and the request as each demo user the operation
     * names would send it: the walk takes the first that gets past the role check, since the roles
     * are named in prose and a description may name a role in passing ("a PARENT sees only ...").
     */
    public record Case(int status, List<GeneratedRequest> tries) {

        Case(int status, GeneratedRequest request) {
            this(status, List.of(request));
        }

        public String label() {
            return tries.get(0).label();
        }
    }

    private DocumentedErrors() {
    }

    /** The cases of one operation, for each documented status this walk can give. */
    public static List<Case> of(ContractOperation operation, IdPools ids, long seed) {
        GeneratedRequest generated = new RequestGenerator(operation, seed, ids).next(0);
        // only the required query parameters: a generated cursor is refused (400) before the role check
        Set<String> required = new java.util.HashSet<>(operation.parameters("query").stream()
                .filter(parameter -> Boolean.TRUE.equals(parameter.getRequired())).map(Parameter::getName).toList());
        // and no header the operation does not take (a credentials reveal refuses an Idempotency-Key)
        Map<String, String> taken = new LinkedHashMap<>(generated.headers());
        taken.keySet().removeIf(name -> !name.equalsIgnoreCase("Content-Type") && !operation.hasHeader(name));
        GeneratedRequest valid = with(generated, "valid", generated.user(), generated.path(),
                generated.query().stream().filter(entry -> required.contains(entry.getKey())).toList(),
                taken, generated.body());
        Random random = new Random(seed ^ operation.id().hashCode());
        List<Case> cases = new ArrayList<>();
        if (operation.documents(401)) {
            cases.add(new Case(401, with(valid, "no token", null, valid.path(), valid.query(), valid.headers(),
                    valid.body())));
        }
        if (operation.documents(403) && operation.namesRoles()) {
            boolean relational = RELATION.matcher(operation.description()).find();
            for (String user : operation.otherUsers()) {
                if (!relational || UNRELATED.contains(user)) {
                    cases.add(new Case(403, with(valid, "as " + user + ", a role the operation does not name", user,
                            valid.path(), valid.query(), valid.headers(), valid.body())));
                }
            }
        }
        List<Parameter> ids404 = operation.parameters("path").stream()
                .filter(parameter -> parameter.getName().equals("service") || parameter.getSchema().getEnum() == null
                        || parameter.getSchema().getEnum().isEmpty())
                .toList();
        if (operation.documents(404) && !ids404.isEmpty()) {
            String path = operation.pathTemplate();
            for (Parameter parameter : operation.parameters("path")) {
                String value = ids404.contains(parameter) ? unknownId(parameter.getSchema(), random)
                        : segment(valid.path(), operation.pathTemplate(), parameter.getName());
                path = path.replace("{" + parameter.getName() + "}", value);
            }
            String unknown = path;
            cases.add(asEachUser(404, operation, user -> with(valid, "ids of no record", user, unknown, valid.query(),
                    valid.headers(), valid.body())));
        }
        if (operation.documents(400)) {
            Case bad = badRequest(operation, valid);
            cases.add(asEachUser(400, operation, user -> with(bad.tries().get(0), bad.label(), user,
                    bad.tries().get(0).path(), bad.tries().get(0).query(), bad.tries().get(0).headers(),
                    bad.tries().get(0).body())));
        }
        if (operation.bodyType() != null && operation.documents(413)) {
            byte[] over = new byte[(int) operation.maxBodyBytes() + 1];
            java.util.Arrays.fill(over, (byte) ' ');
            over[0] = '{';
            over[over.length - 1] = '}';
            Map<String, String> headers = new LinkedHashMap<>(valid.headers());
            headers.put("Content-Type", operation.bodyType());
            cases.add(asEachUser(413, operation, user -> with(valid, "a body of x-max-body-bytes + 1 ("
                    + over.length + " bytes)", user, valid.path(), valid.query(), headers, over)));
        }
        if (operation.bodyType() != null && operation.documents(415)) {
            Map<String, String> headers = new LinkedHashMap<>(valid.headers());
            headers.put("Content-Type", "text/plain");
            byte[] body = valid.body() == null ? "{}".getBytes(StandardCharsets.UTF_8) : valid.body();
            cases.add(asEachUser(415, operation, user -> with(valid, "the body as text/plain", user, valid.path(),
                    valid.query(), headers, body)));
        }
        return cases;
    }

    /** The documented error statuses of an operation that neither this walk nor {@link #BY_RULE} covers. */
    public static Set<Integer> unwalked(ContractOperation operation, List<Case> cases) {
        Set<Integer> left = new TreeSet<>();
        for (String status : operation.statuses()) {
            if (status.matches("4\\d\\d|5\\d\\d")) {
                int code = Integer.parseInt(status);
                boolean byRule = BY_RULE.contains(code)
                        // "only the applicant", "an administrator of the account": a rule, not a role
                        || code == 403 && !operation.namesRoles()
                        // a record named in the body or the query (provisioning from an application)
                        || code == 404 && operation.parameters("path").isEmpty();
                if (!byRule && cases.stream().noneMatch(c -> c.status() == code)) {
                    left.add(code);
                }
            }
        }
        return left;
    }

    private static Case badRequest(ContractOperation operation, GeneratedRequest valid) {
        Map<String, String> headers = new LinkedHashMap<>(valid.headers());
        if (operation.body() != null && "object".equals(ValidValues.type(operation.body()))) {
            headers.put("Content-Type", "application/json");
            return (new Case(400, with(valid, "a body with a property the schema does not have",
                    valid.user(), valid.path(), valid.query(), headers,
                    "{\"notAPropertyOfThisBody\": true}".getBytes(StandardCharsets.UTF_8))));
        }
        if ("text/csv".equals(operation.bodyType())) {
            headers.put("Content-Type", "text/csv");
            return (new Case(400, with(valid, "a CSV file with an unknown column", valid.user(),
                    valid.path(), valid.query(), headers, "notAColumn\nx\n".getBytes(StandardCharsets.UTF_8))));
        }
        for (Parameter parameter : operation.parameters("query")) {
            String type = ValidValues.type(parameter.getSchema());
            boolean enumerated = parameter.getSchema().getEnum() != null && !parameter.getSchema().getEnum().isEmpty();
            if (type.equals("integer") || type.equals("boolean") || enumerated
                    || "date".equals(parameter.getSchema().getFormat())
                    || "date-time".equals(parameter.getSchema().getFormat())) {
                List<Map.Entry<String, String>> query = new ArrayList<>(valid.query().stream()
                        .filter(entry -> !entry.getKey().equals(parameter.getName())).toList());
                query.add(Map.entry(parameter.getName(), "not-a-" + (enumerated ? "value" : type)));
                return (new Case(400, with(valid, "query " + parameter.getName() + " of the wrong type",
                        valid.user(), valid.path(), query, valid.headers(), valid.body())));
            }
        }
        for (Parameter parameter : operation.parameters("path")) {
            if ("uuid".equals(parameter.getSchema().getFormat())) {
                String path = valid.path().replace(segment(valid.path(), operation.pathTemplate(), parameter.getName()),
                        "not-a-uuid");
                return (new Case(400, with(valid, "path " + parameter.getName() + " not a UUID",
                        valid.user(), path, valid.query(), valid.headers(), valid.body())));
            }
        }
        // the gateway reads X-Correlation-Id on every request, documented or not (common.yaml)
        Map<String, String> bad = new LinkedHashMap<>(valid.headers());
        bad.put("X-Correlation-Id", "not a token");
        return new Case(400, with(valid, "X-Correlation-Id with spaces", valid.user(), valid.path(), valid.query(),
                bad, valid.body()));
    }

    private static Case asEachUser(int status, ContractOperation operation,
                                   java.util.function.Function<String, GeneratedRequest> as) {
        return new Case(status, operation.users().stream().map(as).toList());
    }

    /** The value the valid request has for a path parameter: the segment at the template's position. */
    private static String segment(String path, String template, String name) {
        String[] names = template.split("/");
        String[] values = path.split("/");
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].equals("{" + name + "}")) {
                return values[i];
            }
        }
        throw new IllegalStateException("no {" + name + "} in " + template);
    }

    private static String unknownId(Schema<?> schema, Random random) {
        if ("uuid".equals(schema.getFormat())) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if ("integer".equals(ValidValues.type(schema))) {
            // a number no record has reached (a policy version, a chain size), within int32
            return Integer.toString(1_000_000_000 + random.nextInt(1_000_000_000));
        }
        return "no-such-record-" + Integer.toUnsignedString(random.nextInt(), 36);
    }

    private static GeneratedRequest with(GeneratedRequest valid, String label, String user, String path,
                                         List<Map.Entry<String, String>> query, Map<String, String> headers,
                                         byte[] body) {
        Map<String, String> sent = new LinkedHashMap<>(headers);
        if (body == null) {
            sent.remove("Content-Type");
        }
        // a fresh key, so no case is answered from another's stored answer
        if (sent.containsKey("Idempotency-Key")) {
            sent.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        return new GeneratedRequest(0, label, user, valid.method(), path, List.copyOf(query), sent, body, false);
    }
}
