package uk.schoolsocial.gateway.webhooks;

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
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.auth.Role;
import uk.schoolsocial.gateway.privacy.ServiceCalls;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.routing.InternalTokenMinter;
import uk.schoolsocial.gateway.routing.RouteTable;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;
import uk.schoolsocial.gateway.web.Problem;
import uk.schoolsocial.gateway.web.Problems;

/**
 * {@code /api/v1/webhooks/subscriptions} (webhooks.yaml, INT-1, decision 12): a subscription made
 * once for the whole suite. The gateway, which has no database, makes the id and the signing secret
 * and stores both in every service ({@code PUT /api/v1/webhooks/services/NAME/subscriptions/ID}),
 * each of which delivers its own events; the secret is in the 201 answer only. Every service checks
 * a subscription alike (types and roles from one list, the URL's addresses), so the first refuses
 * what all would and nothing is stored; should a later service fail, the subscription is deleted
 * again where it was stored and the caller gets 502. Reads ask every service and merge. SLT and
 * INTEGRATION; the services decide what each may see.
 */
@Controller("/api/v1/webhooks/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SuiteWebhooksController {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RouteTable routes;
    private final InternalTokenMinter minter;
    private final ServiceCalls calls;
    private final ObjectMapper json = new ObjectMapper();

    SuiteWebhooksController(RouteTable routes, InternalTokenMinter minter, ServiceCalls calls) {
        this.routes = routes;
        this.minter = minter;
        this.calls = calls;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> subscribe(HttpRequest<?> request, Authentication authentication, @Nullable @Body String body) {
        Caller caller = Caller.of(authentication);
        if (!subscriber(caller)) {
            return forbidden();
        }
        JsonNode parsed;
        try {
            parsed = body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (!(parsed instanceof ObjectNode subscription)) {
            return Problems.invalid(List.of(new Problem.FieldError("", "must be one JSON object")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = subscription.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("url") && !name.equals("eventTypes")) {
                errors.add(new Problem.FieldError(name, "is not a field of a subscription"));
            }
        }
        if (!subscription.path("url").isTextual()) {
            errors.add(new Problem.FieldError("url", "is required: an https URL"));
        }
        if (!subscription.path("eventTypes").isArray()) {
            errors.add(new Problem.FieldError("eventTypes", "is required: an array of webhook types"));
        }
        if (!errors.isEmpty()) {
            return Problems.invalid(errors);
        }
        String id = UUID.randomUUID().toString();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        ObjectNode stored = json.createObjectNode();
        stored.set("url", subscription.get("url"));
        stored.set("eventTypes", subscription.get("eventTypes"));
        stored.put("secret", secret);
        ServiceCalls.Call who = who(caller, request);
        List<DownstreamService> done = new ArrayList<>();
        ObjectNode first = null;
        for (DownstreamService service : routes.services()) {
            MutableHttpRequest<String> put = HttpRequest.PUT(service.target(path(service, id)), stored.toString())
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
            ServiceCalls.Answer answer = calls.exchange(service, put, who, "The subscription was not made.");
            if (answer.failure().isPresent()) {
                done.forEach(earlier -> calls.exchange(earlier, HttpRequest.DELETE(
                        earlier.target(path(earlier, id)).toString()), who, ""));
                return answer.failure().get();
            }
            done.add(service);
            if (first == null && answer.body() instanceof ObjectNode created) {
                first = created;
            }
        }
        ObjectNode created = first == null ? json.createObjectNode() : first;
        created.put("secret", secret);
        return HttpResponse.created(created.toString()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.LOCATION, "/api/v1/webhooks/subscriptions/" + id);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> list(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!subscriber(caller)) {
            return forbidden();
        }
        // Every service holds the same subscriptions: the first one's list is the suite's.
        DownstreamService service = routes.services().get(0);
        ServiceCalls.Answer answer = calls.exchange(service, HttpRequest.GET(service.target(
                UriBuilder.of("/api/v1/webhooks/services/" + service.name() + "/subscriptions").build())),
                who(caller, request), "Try again.");
        return answer.failure().orElseGet(() -> ok(answer.body()));
    }

    @Get(value = "/{subscriptionId}", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> subscription(HttpRequest<?> request, Authentication authentication,
                                        @PathVariable String subscriptionId) {
        Caller caller = Caller.of(authentication);
        if (!subscriber(caller)) {
            return forbidden();
        }
        if (!UUID_TEXT.matcher(subscriptionId).matches()) {
            return badId();
        }
        DownstreamService service = routes.services().get(0);
        ServiceCalls.Answer answer = calls.exchange(service, HttpRequest.GET(service.target(path(service, subscriptionId))),
                who(caller, request), "Try again.");
        return answer.failure().orElseGet(() -> ok(answer.body()));
    }

    @Delete("/{subscriptionId}")
    MutableHttpResponse<?> unsubscribe(HttpRequest<?> request, Authentication authentication,
                                       @PathVariable String subscriptionId) {
        Caller caller = Caller.of(authentication);
        if (!subscriber(caller)) {
            return forbidden();
        }
        if (!UUID_TEXT.matcher(subscriptionId).matches()) {
            return badId();
        }
        ServiceCalls.Call who = who(caller, request);
        boolean deleted = false;
        for (DownstreamService service : routes.services()) {
            ServiceCalls.Answer answer = calls.exchange(service, HttpRequest.DELETE(
                    service.target(path(service, subscriptionId)).toString()), who, "Send the request again.");
            if (answer.failure().isPresent()) {
                if (answer.failure().get().getStatus() != HttpStatus.NOT_FOUND) {
                    return answer.failure().get();
                }
            } else {
                deleted = true;
            }
        }
        return deleted ? HttpResponse.noContent() : notFound();
    }

    @Get(value = "/{subscriptionId}/deliveries", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> deliveries(HttpRequest<?> request, Authentication authentication,
                                      @PathVariable String subscriptionId, @Nullable @QueryValue Integer limit) {
        Caller caller = Caller.of(authentication);
        if (!subscriber(caller)) {
            return forbidden();
        }
        if (!UUID_TEXT.matcher(subscriptionId).matches()) {
            return badId();
        }
        ServiceCalls.Call who = who(caller, request);
        List<ObjectNode> merged = new ArrayList<>();
        for (DownstreamService service : routes.services()) {
            UriBuilder uri = UriBuilder.of(path(service, subscriptionId).getPath() + "/deliveries");
            if (limit != null) {
                uri.queryParam("limit", limit);
            }
            ServiceCalls.Answer answer = calls.exchange(service, HttpRequest.GET(service.target(uri.build())), who,
                    "Try again.");
            if (answer.failure().isPresent()) {
                return answer.failure().get();
            }
            for (JsonNode item : answer.body().path("items")) {
                ObjectNode delivery = ((ObjectNode) item).deepCopy();
                ObjectNode withService = json.createObjectNode().put("service", service.name());
                withService.setAll(delivery);
                merged.add(withService);
            }
        }
        merged.sort(Comparator.comparing((ObjectNode d) -> d.path("createdAt").asText()).reversed());
        ObjectNode answer = json.createObjectNode();
        ArrayNode items = answer.putArray("items");
        merged.forEach(items::add);
        return ok(answer);
    }

    @Post(value = "/{subscriptionId}/deliveries/{deliveryId}/redeliver", consumes = MediaType.ALL,
            produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> redeliver(HttpRequest<?> request, Authentication authentication,
                                     @PathVariable String subscriptionId, @PathVariable String deliveryId) {
        Caller caller = Caller.of(authentication);
        if (!subscriber(caller)) {
            return forbidden();
        }
        if (!UUID_TEXT.matcher(subscriptionId).matches()) {
            return badId();
        }
        ServiceCalls.Call who = who(caller, request);
        for (DownstreamService service : routes.services()) {
            // The delivery id as the caller sent it, encoded again as one path segment (it may hold anything).
            String segment = java.net.URLEncoder.encode(deliveryId, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20");
            MutableHttpRequest<String> post = HttpRequest.POST(service.target(java.net.URI.create(
                    path(service, subscriptionId).getPath() + "/deliveries/" + segment + "/redeliver")), "");
            ServiceCalls.Answer answer = calls.exchange(service, post, who, "Send the request again.");
            if (answer.failure().isEmpty()) {
                ObjectNode delivery = json.createObjectNode().put("service", service.name());
                delivery.setAll((ObjectNode) answer.body());
                return HttpResponse.accepted().body(delivery.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
            }
            if (answer.failure().get().getStatus() != HttpStatus.NOT_FOUND) {
                return answer.failure().get();
            }
        }
        return notFound();
    }

    private static boolean subscriber(Caller caller) {
        return caller.roles().contains(Role.SLT) || caller.roles().contains(Role.INTEGRATION);
    }

    private ServiceCalls.Call who(Caller caller, HttpRequest<?> request) {
        return new ServiceCalls.Call(minter.mint(caller), CorrelationIdFilter.of(request).orElse(null));
    }

    private static java.net.URI path(DownstreamService service, String subscriptionId) {
        return UriBuilder.of("/api/v1/webhooks/services/" + service.name() + "/subscriptions/" + subscriptionId).build();
    }

    private static MutableHttpResponse<?> ok(JsonNode body) {
        return HttpResponse.ok(body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static MutableHttpResponse<Problem> forbidden() {
        return Problems.response(HttpStatus.FORBIDDEN, "Only SLT and INTEGRATION clients subscribe to webhooks.");
    }

    private static MutableHttpResponse<Problem> notFound() {
        return Problems.response(HttpStatus.NOT_FOUND, "No such record");
    }

    private static MutableHttpResponse<Problem> badId() {
        return Problems.invalid(List.of(new Problem.FieldError("subscriptionId", "must be a UUID in lower case")));
    }
}
