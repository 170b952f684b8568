package uk.schoolsocial.e2e.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One operation of the merged contract, as the generator needs it: its parameters and JSON body
 * schema with every reference resolved, the statuses it documents, and the demo users whose roles
 * the operation's description allows (the contract names them in prose: "Roles: STAFF, SLT").
 */
public record ContractOperation(String id, String method, String pathTemplate, List<Parameter> parameters,
                                Schema<?> body, boolean bodyRequired, Set<String> statuses, List<String> users,
                                String bodyType, long maxBodyBytes, String description) {

    /** The demo user of each role (gateway's DemoUsers). */
    private static final Map<String, String> USER_OF_ROLE = Map.of("STAFF", "staff", "SLT", "slt", "DSL", "dsl",
            "ACCOUNT_ADMIN", "admin", "PARENT", "parent", "AUDITOR", "auditor", "INTEGRATION", "mis");
    /** common.yaml's limit for an operation that states none (the merged document keeps it at its root). */
    private static final long DEFAULT_MAX_BODY_BYTES = 262_144;
    /** For an operation whose description names no role (e.g. "only the applicant"): any of the school's. */
    private static final List<String> ANY_USER = List.of("staff", "slt", "dsl", "admin", "parent", "auditor", "mis");

    /** @return every operation of the document, in its order */
    public static List<ContractOperation> of(String openApiYaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(openApiYaml, null, options);
        OpenAPI api = parsed.getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("The merged contract does not parse: " + parsed.getMessages());
        }
        List<ContractOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.add(of(api, path, method, item, operation))));
        return operations;
    }

    private static ContractOperation of(OpenAPI api, String path, PathItem.HttpMethod method, PathItem item,
                                        Operation operation) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (List<Parameter> level : java.util.Arrays.asList(item.getParameters(), operation.getParameters())) {
            if (level != null) {
                level.forEach(parameter -> parameters.put(parameter.getIn() + ":" + parameter.getName(), parameter));
            }
        }
        Schema<?> body = null;
        boolean bodyRequired = false;
        String bodyType = null;
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType json = operation.getRequestBody().getContent().get("application/json");
            body = json == null ? null : json.getSchema();
            bodyRequired = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
            bodyType = operation.getRequestBody().getContent().keySet().iterator().next();
        }
        Object limit = operation.getExtensions() == null ? null : operation.getExtensions().get("x-max-body-bytes");
        long maxBodyBytes = limit instanceof Number number ? number.longValue()
                : api.getExtensions() != null && api.getExtensions().get("x-max-body-bytes") instanceof Number root
                ? root.longValue() : DEFAULT_MAX_BODY_BYTES;
        String id = operation.getOperationId() != null ? operation.getOperationId() : method + " " + path;
        return new ContractOperation(id, method.name(), path, List.copyOf(parameters.values()), body, bodyRequired,
                Set.copyOf(operation.getResponses().keySet()), users(operation), bodyType, maxBodyBytes,
                (operation.getSummary() == null ? "" : operation.getSummary()) + " "
                        + (operation.getDescription() == null ? "" : operation.getDescription()));
    }

    private static List<String> users(Operation operation) {
        String text = (operation.getSummary() == null ? "" : operation.getSummary()) + " "
                + (operation.getDescription() == null ? "" : operation.getDescription());
        List<String> users = new ArrayList<>();
        USER_OF_ROLE.forEach((role, user) -> {
            if (Pattern.compile("\\b" + role + "\\b").matcher(text).find()) {
                users.add(user);
            }
        });
        users.sort(null);
        return users.isEmpty() ? ANY_USER : List.copyOf(users);
    }

    /** Whether {@code status} is documented, exactly or by a range such as {@code 4XX}, or by {@code default}. */
    public boolean documents(int status) {
        return statuses.contains(Integer.toString(status)) || statuses.contains((status / 100) + "XX")
                || statuses.contains((status / 100) + "xx") || statuses.contains("default");
    }

    /** Whether the description names the roles allowed, so a demo user of another role must be refused. */
    public boolean namesRoles() {
        return users.size() < ANY_USER.size();
    }

    /** The demo users of roles the operation does not name. */
    public List<String> otherUsers() {
        return ANY_USER.stream().filter(user -> !users.contains(user)).toList();
    }

    public boolean writes() {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    public List<Parameter> parameters(String in) {
        return parameters.stream().filter(parameter -> in.equals(parameter.getIn())).toList();
    }

    public boolean hasHeader(String name) {
        return parameters("header").stream()
                .anyMatch(parameter -> parameter.getName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    }
}
