package uk.schoolsocial.gateway.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.routing.InternalTokenMinter;
import uk.schoolsocial.gateway.routing.RouteTable;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.identity.Role;

/**
 * {@code GET /api/v1/privacy/subject-access} (privacy.yaml {@code getSubjectAccessExport}, AUD-4,
 * UK GDPR Art. 15): everything the suite holds about a person, gathered from every service's
 * {@code GET /api/v1/privacy/{service}/subjects/{type}/{id}}, other people's data withheld by the
 * services. JSON for machines; {@code Accept: text/html} gives a readable document for the family.
 * SLT only. Nothing is kept: the export is made on each request.
 */
@Controller("/api/v1/privacy")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SubjectAccessController {

    /** As privacy.yaml's {@code SubjectId}, and not only dots (it becomes a path segment). */
    static final java.util.regex.Pattern SUBJECT_ID = java.util.regex.Pattern.compile("(?=.*[A-Za-z0-9])[A-Za-z0-9_.:-]{1,64}");

    private static final Map<String, String> SECTIONS = Map.of(
            "account", "Official accounts, staff and requests",
            "incident", "Incidents",
            "consent", "Image consent and publications");

    private final RouteTable routes;
    private final InternalTokenMinter minter;
    private final ServiceCalls calls;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    SubjectAccessController(RouteTable routes, InternalTokenMinter minter, ServiceCalls calls, Clock clock) {
        this.routes = routes;
        this.minter = minter;
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * What is wrong with a subject named by query parameters, as privacy.yaml's {@code SubjectType}
     * and {@code SubjectId} say; empty when both are right.
     */
    static List<FieldError> subjectErrors(@Nullable String subjectType, @Nullable String subjectId) {
        List<FieldError> errors = new ArrayList<>();
        if (subjectType == null || !subjectType.matches("[A-Z_]{1,32}")) {
            errors.add(new FieldError("subjectType", "is required: PUPIL, PARENT, STAFF or a record type"));
        }
        if (subjectId == null || !SUBJECT_ID.matcher(subjectId).matches()) {
            errors.add(new FieldError("subjectId", "is required: 1 to 64 of A-Z, a-z, 0-9, _ . : -"));
        }
        return errors;
    }

    @Get(value = "/subject-access", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    MutableHttpResponse<?> export(HttpRequest<?> request, Authentication authentication,
                                  @Nullable @QueryValue String subjectType, @Nullable @QueryValue String subjectId) {
        Caller caller = Caller.of(authentication);
        if (!caller.roles().contains(Role.SLT)) {
            return Problems.response(HttpStatus.FORBIDDEN, "Only SLT may gather a subject access export.");
        }
        var undeclared = Problems.undeclaredParameters(request, java.util.Set.of("subjectType", "subjectId"));
        if (undeclared.isPresent()) {
            return undeclared.get();
        }
        List<FieldError> errors = subjectErrors(subjectType, subjectId);
        if (!errors.isEmpty()) {
            return Problems.invalid(errors);
        }
        ServiceCalls.Call call = new ServiceCalls.Call(minter.mint(caller), CorrelationIdFilter.of(request).orElse(null));
        ObjectNode export = json.createObjectNode();
        export.put("subjectType", subjectType);
        export.put("subjectId", subjectId);
        export.put("schoolId", caller.school());
        export.put("generatedAt", Instant.now(clock).toString());
        ArrayNode services = export.putArray("services");
        for (DownstreamService service : routes.services()) {
            ServiceCalls.Answer answer = calls.exchange(service, HttpRequest.GET(service.target(UriBuilder.of(
                    "/api/v1/privacy/" + service.name() + "/subjects/" + subjectType + "/" + subjectId).build())),
                    call, "The export was not made; try again.");
            if (answer.failure().isPresent()) {
                return answer.failure().get();
            }
            services.add(answer.body());
        }
        boolean html = request.getHeaders().accept().stream()
                .anyMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE) && !type.equals(MediaType.ALL_TYPE));
        return html
                ? HttpResponse.ok(SubjectAccessDocument.render(export, SECTIONS)).contentType(MediaType.TEXT_HTML_TYPE)
                : HttpResponse.ok(export.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The readable document: every event of every service as a dated line with its details. */
    static final class SubjectAccessDocument {

        private SubjectAccessDocument() {
        }

        static String render(ObjectNode export, Map<String, String> sections) {
            StringBuilder html = new StringBuilder(4096);
            String who = export.path("subjectType").asText() + " " + export.path("subjectId").asText();
            html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Personal data held about ")
                    .append(escape(who)).append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;"
                            + "line-height:1.4}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;"
                            + "padding:.3em;vertical-align:top;text-align:left}.withheld{font-style:italic}</style>"
                            + "</head><body>\n<h1>Personal data held about ").append(escape(who)).append("</h1>\n")
                    .append("<p>What the school's social media records hold about this person (UK GDPR Art. 15), ")
                    .append("prepared on ").append(escape(export.path("generatedAt").asText())).append(". Where a record ")
                    .append("also holds another person's personal data, it is withheld and marked so. A field shown as ")
                    .append("<em>erased</em> was erased and can no longer be read by anyone.</p>\n");
            for (JsonNode service : export.path("services")) {
                String name = service.path("service").asText();
                html.append("<h2>").append(escape(sections.getOrDefault(name, name))).append("</h2>\n");
                JsonNode events = service.path("events");
                if (events.isEmpty()) {
                    html.append("<p>Nothing is held.</p>\n");
                    continue;
                }
                if (!service.path("complete").asBoolean(true)) {
                    html.append("<p>Only the first ").append(events.size())
                            .append(" records are listed here; ask the school for the rest.</p>\n");
                }
                html.append("<table><tr><th>When</th><th>What</th><th>Recorded by</th><th>Details</th></tr>\n");
                for (JsonNode event : events) {
                    html.append("<tr><td>").append(escape(event.path("occurredAt").asText())).append("</td><td>")
                            .append(escape(words(event.path("eventType").asText()))).append("</td><td>")
                            .append(escape(event.path("actorId").asText())).append("</td><td>");
                    details(html, event.path("payload"), "");
                    html.append("</td></tr>\n");
                }
                html.append("</table>\n");
            }
            return html.append("</body></html>\n").toString();
        }

        private static void details(StringBuilder html, JsonNode node, String prefix) {
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (prefix.isEmpty() && field.getKey().equals("schoolId")) {
                        continue;
                    }
                    details(html, field.getValue(), prefix.isEmpty() ? words(field.getKey()) : prefix + ", "
                            + words(field.getKey()).toLowerCase(java.util.Locale.ROOT));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    details(html, node.get(i), prefix + " " + (i + 1));
                }
            } else {
                String value = node.isNull() ? "erased" : node.asText();
                boolean marked = node.isNull() || value.startsWith("[withheld");
                html.append(escape(prefix)).append(": ").append(marked ? "<span class=\"withheld\">" : "")
                        .append(escape(value)).append(marked ? "</span>" : "").append("<br>");
            }
        }

        /** {@code PupilRosteredEvent} as "Pupil rostered", {@code dateOfBirth} as "date of birth". */
        static String words(String name) {
            String base = name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
            String spaced = base.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
        }

        static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                    .replace("'", "&#39;");
        }
    }
}
