package uk.schoolsocial.gateway.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.routing.InternalTokenMinter;
import uk.schoolsocial.gateway.routing.RouteTable;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.Problem;
import uk.schoolsocial.platform.identity.Role;

/**
 * {@code POST /api/v1/privacy/erasures} (privacy.yaml {@code eraseSubjectFromSuite}, AUD-4): erases
 * a data subject from every service, or from none. Asks each service for its holds first; any hold
 * refuses the whole erasure (409 {@code ERASURE_HELD}, every hold named) before anything is erased.
 * Then erases from each service in turn, passing the caller's {@code Idempotency-Key}, so a retry
 * after a failure part-way finishes the job without erasing anything twice. A service's refusal is
 * the caller's to read as the service gave it; a service that fails or cannot be reached is 502,
 * named. SLT only. Blocking calls on the blocking executor: erasures are rare.
 */
@Controller("/api/v1/privacy")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SuiteErasureController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RouteTable routes;
    private final InternalTokenMinter minter;
    private final ServiceCalls calls;
    private final ObjectMapper json = new ObjectMapper();

    SuiteErasureController(RouteTable routes, InternalTokenMinter minter, ServiceCalls calls) {
        this.routes = routes;
        this.minter = minter;
        this.calls = calls;
    }

    @Post(value = "/erasures", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> erase(HttpRequest<?> request, Authentication authentication, @Nullable @Body String body) {
        Caller caller = Caller.of(authentication);
        if (!caller.roles().contains(Role.SLT)) {
            return Problems.response(HttpStatus.FORBIDDEN, "Only SLT may erase a data subject.");
        }
        JsonNode parsed;
        try {
            parsed = body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (!(parsed instanceof ObjectNode erasure)) {
            return Problems.invalid(List.of(new FieldError("", "must be one JSON object")));
        }
        Call call = call(caller, request, request.getHeaders().get(IDEMPOTENCY_KEY), body);
        List<DownstreamService> services = routes.services();
        List<FieldError> holds = new ArrayList<>();
        for (DownstreamService service : services) {
            ServiceCalls.Answer answer = holds(call, service, erasure);
            if (answer.failure().isPresent()) {
                return answer.failure().get();
            }
            for (JsonNode hold : answer.body().path("holds")) {
                holds.add(new FieldError("subjectId", service.name() + ": " + describe(hold)));
            }
        }
        if (!holds.isEmpty()) {
            return held(erasure, holds);
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("subjectType", erasure.get("subjectType"));
        answer.set("subjectId", erasure.get("subjectId"));
        ArrayNode erased = answer.putArray("services");
        for (DownstreamService service : services) {
            ServiceCalls.Answer outcome = erase(call, service);
            if (outcome.failure().isPresent()) {
                return outcome.failure().get();
            }
            ObjectNode one = erased.addObject();
            one.put("service", service.name());
            one.set("erasure", outcome.body());
        }
        return HttpResponse.created(answer.toString()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.LOCATION, where(text(erasure, "subjectType"), text(erasure, "subjectId")));
    }

    /**
     * {@code GET /api/v1/privacy/erasures} (privacy.yaml {@code getSuiteErasure}): the subject's erasure
     * from the suite as it stands, each service's latest erasure of the subject from its register; the
     * {@code Location} of {@link #erase}. 404 when no service erased the subject. SLT and AUDITOR.
     */
    @Get(value = "/erasures", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> erasure(HttpRequest<?> request, Authentication authentication,
                                   @Nullable @QueryValue String subjectType, @Nullable @QueryValue String subjectId) {
        Caller caller = Caller.of(authentication);
        if (!caller.roles().contains(Role.SLT) && !caller.roles().contains(Role.AUDITOR)) {
            return Problems.response(HttpStatus.FORBIDDEN, "Only SLT and auditors may read the register of erasures.");
        }
        var undeclared = Problems.undeclaredParameters(request, java.util.Set.of("subjectType", "subjectId"));
        if (undeclared.isPresent()) {
            return undeclared.get();
        }
        List<FieldError> errors = SubjectAccessController.subjectErrors(subjectType, subjectId);
        if (!errors.isEmpty()) {
            return Problems.invalid(errors);
        }
        ServiceCalls.Call who = new ServiceCalls.Call(minter.mint(caller), CorrelationIdFilter.of(request).orElse(null));
        ObjectNode answer = json.createObjectNode();
        answer.put("subjectType", subjectType);
        answer.put("subjectId", subjectId);
        ArrayNode erased = answer.putArray("services");
        for (DownstreamService service : routes.services()) {
            ServiceCalls.Answer register = calls.exchange(service, HttpRequest.GET(service.target(UriBuilder.of(
                            "/api/v1/privacy/" + service.name() + "/erasures").queryParam("subjectType", subjectType)
                    .queryParam("subjectId", subjectId).queryParam("limit", 1).build())), who, "Try again.");
            if (register.failure().isPresent()) {
                return register.failure().get();
            }
            JsonNode latest = register.body().path("items").path(0);
            if (!latest.isMissingNode()) {
                ObjectNode one = erased.addObject();
                one.put("service", service.name());
                one.set("erasure", latest);
            }
        }
        if (erased.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, "No service of the suite has erased " + subjectType + " "
                    + subjectId + ".");
        }
        return HttpResponse.ok(answer.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Where {@link #erasure} reads the erasure of a subject. */
    static String where(String subjectType, String subjectId) {
        return UriBuilder.of("/api/v1/privacy/erasures").queryParam("subjectType", subjectType)
                .queryParam("subjectId", subjectId).build().toString();
    }

    private Call call(Caller caller, HttpRequest<?> request, @Nullable String idempotencyKey, String body) {
        return new Call(new ServiceCalls.Call(minter.mint(caller), CorrelationIdFilter.of(request).orElse(null)),
                idempotencyKey, body);
    }

    private record Call(ServiceCalls.Call who, @Nullable String idempotencyKey, String body) {
    }

    private ServiceCalls.Answer holds(Call call, DownstreamService service, ObjectNode erasure) {
        UriBuilder uri = UriBuilder.of("/api/v1/privacy/" + service.name() + "/holds")
                .queryParam("subjectType", text(erasure, "subjectType"))
                .queryParam("subjectId", text(erasure, "subjectId"));
        if (erasure.hasNonNull("dateOfBirth")) {
            uri.queryParam("dateOfBirth", erasure.get("dateOfBirth").asText());
        }
        return calls.exchange(service, HttpRequest.GET(service.target(uri.build())), call.who(),
                "Nothing was erased.");
    }

    private ServiceCalls.Answer erase(Call call, DownstreamService service) {
        MutableHttpRequest<String> request = HttpRequest.POST(
                        service.target(UriBuilder.of("/api/v1/privacy/" + service.name() + "/erasures").build()), call.body())
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        if (call.idempotencyKey() != null) {
            request.header(IDEMPOTENCY_KEY, call.idempotencyKey());
        }
        return calls.exchange(service, request, call.who(), "Services before it in "
                + routes.services().stream().map(DownstreamService::name).toList()
                + " have erased the subject; send the same request again to finish.");
    }

    private static MutableHttpResponse<Problem> held(ObjectNode erasure, List<FieldError> holds) {
        HttpStatus status = HttpStatus.CONFLICT;
        String detail = "Nothing was erased: a hold keeps a record about " + text(erasure, "subjectType") + " "
                + text(erasure, "subjectId") + ": " + holds.get(0).message()
                + (holds.size() > 1 ? " (and " + (holds.size() - 1) + " more)" : "") + ".";
        return HttpResponse.<Problem>status(status)
                .body(new Problem("https://schoolsocial.uk/problems/conflict", status.getReason(), status.getCode(),
                        detail, null, "ERASURE_HELD", List.copyOf(holds)))
                .contentType(Problems.MEDIA_TYPE);
    }

    /** As platform's {@code ErasureHold.describe()}. */
    private static String describe(JsonNode hold) {
        JsonNode until = hold.path("until");
        return hold.path("hold").asText() + " on " + hold.path("record").asText()
                + (until.isMissingNode() || until.isNull() ? " (end unknown here)" : " until " + until.asText())
                + ": " + hold.path("why").asText();
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
