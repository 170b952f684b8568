package uk.schoolsocial.e2e.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges one exchange against the merged contract. A finding is: no answer; any 5xx; a status the
 * operation does not document; an error that is not {@code application/problem+json}; an answer
 * whose body or headers break the documented schema; a 2xx to a request the contract's own schemas
 * refuse; a 2xx to a write whose body carried NUL, another control character or a lone surrogate.
 */
public final class ContractCheck {

    public enum Kind {
        NO_ANSWER, SERVER_ERROR, UNDOCUMENTED_STATUS, NOT_PROBLEM_JSON, RESPONSE_SCHEMA, ACCEPTED_INVALID, STORED_BAD_TEXT
    }

    /** What came back, or {@code failure} when nothing did. */
    public record Answer(int status, Map<String, List<String>> headers, String body, String failure) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).findFirst();
        }
    }

    /**
     * @param group what findings of the same cause share, beyond kind, operation and status
     * @param detail why this exchange is one, e.g. the validator's message
     */
    public record Finding(Kind kind, String operation, int status, String group, String detail,
                          GeneratedRequest request, String answer) {

        public Finding {
            detail = GeneratedRequest.shorten(detail, 400);
        }
    }

    /** Keys of the validator's messages that say nothing about the service's behaviour. */
    private static final Set<String> NOT_ABOUT_THE_SERVICE = Set.of("validation.request.path.missing",
            "validation.response.path.missing", "validation.request.operation.notAllowed", "validation.response.status.unknown");

    private final OpenApiInteractionValidator validator;
    private final OpenApiInteractionValidator requestValidator;

    public ContractCheck(String openApiYaml) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(openApiYaml).build();
        this.requestValidator = OpenApiInteractionValidator
                .createForInlineApiSpecification(unknownFieldsAllowedUnlessForbidden(openApiYaml)).build();
    }

    /**
     * The validator treats an object schema without {@code additionalProperties} as if it said
     * {@code false}. That suits answers, which the suite's own contract tests hold to it, but a request
     * with an extra field is valid by OpenAPI unless its schema forbids extras, so requests are judged
     * by a copy in which every object schema that does not say otherwise allows them.
     */
    static String unknownFieldsAllowedUnlessForbidden(String openApiYaml) {
        try {
            YAMLMapper yaml = new YAMLMapper();
            JsonNode document = yaml.readTree(openApiYaml);
            allowExtras(document);
            return yaml.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the merged contract", e);
        }
    }

    private static void allowExtras(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if ((object.has("properties") || "object".equals(object.path("type").asText()))
                    && !object.has("additionalProperties") && !object.has("allOf")) {
                object.put("additionalProperties", true);
            }
            object.elements().forEachRemaining(ContractCheck::allowExtras);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ContractCheck::allowExtras);
        }
    }

    public List<Finding> check(ContractOperation operation, GeneratedRequest request, Answer answer) {
        List<Finding> findings = new ArrayList<>();
        String id = operation.id();
        if (answer.failure() != null) {
            findings.add(new Finding(Kind.NO_ANSWER, id, 0, answer.failure(), answer.failure(), request, ""));
            return findings;
        }
        int status = answer.status();
        String excerpt = GeneratedRequest.shorten(GeneratedRequest.visible(answer.body() == null ? "" : answer.body()), 300);
        String contentType = answer.header("Content-Type").orElse("");
        if (status >= 500) {
            findings.add(new Finding(Kind.SERVER_ERROR, id, status, "", "", request, excerpt));
            return findings;
        }
        if (!operation.documents(status)) {
            findings.add(new Finding(Kind.UNDOCUMENTED_STATUS, id, status, "", "documented: " + operation.statuses(),
                    request, excerpt));
        }
        if (status >= 400 && !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            findings.add(new Finding(Kind.NOT_PROBLEM_JSON, id, status, contentType, "Content-Type: " + contentType,
                    request, excerpt));
        }
        for (ValidationReport.Message message : responseErrors(request, answer, contentType)) {
            if (status >= 400 && message.getKey().contains("contentType")) {
                continue; // reported above as NOT_PROBLEM_JSON
            }
            findings.add(new Finding(Kind.RESPONSE_SCHEMA, id, status, message.getKey() + " " + shape(message.getMessage()),
                    message.getMessage(), request, excerpt));
        }
        if (status >= 200 && status < 300) {
            List<ValidationReport.Message> refused = requestErrors(request);
            if (!refused.isEmpty()) {
                findings.add(new Finding(Kind.ACCEPTED_INVALID, id, status, request.label().replaceAll("\\[\\d+]", "[]"),
                        explain(refused.get(0), request), request, excerpt));
            }
            if (operation.writes() && request.storesBadText()) {
                findings.add(new Finding(Kind.STORED_BAD_TEXT, id, status, request.label().replaceAll("\\[\\d+]", "[]"),
                        "accepted a body holding " + request.label(), request, excerpt));
            }
        }
        return findings;
    }

    /** The validator calls a query parameter sent with an empty value (or only NUL) "missing". */
    private static String explain(ValidationReport.Message message, GeneratedRequest request) {
        String text = message.getKey() + ": " + message.getMessage();
        if (message.getKey().equals("validation.request.parameter.missing")) {
            for (Map.Entry<String, String> param : request.query()) {
                if (message.getMessage().contains("'" + param.getKey() + "'")) {
                    return text + " (it was sent as " + param.getKey() + "=" + GeneratedRequest.visible(param.getValue())
                            + ", which the contract's validator reads as no value)";
                }
            }
        }
        return text;
    }

    /** A message without the values in it, so answers that break the schema the same way group together. */
    private static String shape(String message) {
        String shape = message.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\d+", "N");
        return GeneratedRequest.shorten(shape, 160);
    }

    private List<ValidationReport.Message> responseErrors(GeneratedRequest request, Answer answer, String contentType) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
        answer.headers().forEach((name, values) -> response.withHeader(name, values));
        if (!contentType.isEmpty()) {
            response.withContentType(contentType);
        }
        if (answer.body() != null && !answer.body().isEmpty()) {
            response.withBody(answer.body());
        }
        try {
            return errors(validator.validateResponse(request.path(), Request.Method.valueOf(request.method()), response.build()));
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(ValidationReport.Message.create("validation.response.unreadable", e.toString()).build());
        }
    }

    private List<ValidationReport.Message> requestErrors(GeneratedRequest request) {
        SimpleRequest.Builder built = new SimpleRequest.Builder(request.method(), request.path());
        built.withAuthorization("Bearer generated");
        request.headers().forEach((name, value) -> built.withHeader(name, value));
        request.query().forEach(param -> built.withQueryParam(param.getKey(), param.getValue()));
        if (request.body() != null) {
            built.withBody(request.body());
        }
        try {
            return errors(requestValidator.validateRequest(built.build())).stream()
                    .filter(message -> !message.getKey().contains("security")).toList();
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(ValidationReport.Message.create("validation.request.unreadable", e.toString()).build());
        }
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !NOT_ABOUT_THE_SERVICE.contains(message.getKey()))
                .toList();
    }
}
