package uk.schoolsocial.gateway.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.privacy.ServiceCalls;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.routing.InternalTokenMinter;
import uk.schoolsocial.gateway.routing.RouteTable;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.error.FieldError;

/**
 * {@code /api/v1/webhooks/subscriptions} (webhooks.yaml, INT-1, decision 12): a subscription made
 * once for the whole suite. The gateway, which has no database, makes the id and the signing secret
 * and stores both in every service ({@code PUT /api/v1/webhooks/services/NAME/subscriptions/ID}),
 * each of which delivers its own events; the secret is in the 201 answer only. Every service checks
 * a subscription alike (types and roles from one list, the URL's addresses), so the first refuses
 * what all would and nothing is stored; should a later service fail, the subscription is deleted
 * again where it was stored and the caller gets 502. Reads ask every service and merge (the
 * deliveries: {@link SubscriptionDeliveriesController}). SLT and INTEGRATION; the services decide
 * what each may see.
 */
@Controller("/api/v1/webhooks/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SuiteWebhooksController {

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
        MutableHttpResponse<?> refused = Subscriptions.refusal(caller, null);
        if (refused != null) {
            return refused;
        }
        JsonNode parsed;
        try {
            parsed = body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (!(parsed instanceof ObjectNode subscription)) {
            return Problems.invalid(List.of(new FieldError("", "must be one JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = subscription.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("url") && !name.equals("eventTypes")) {
                errors.add(new FieldError(name, "is not a field of a subscription"));
            }
        }
        if (!subscription.path("url").isTextual()) {
            errors.add(new FieldError("url", "is required: an https URL"));
        }
        if (!subscription.path("eventTypes").isArray()) {
            errors.add(new FieldError("eventTypes", "is required: an array of webhook types"));
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
            MutableHttpRequest<String> put = HttpRequest.PUT(service.target(Subscriptions.path(service, id)),
                    stored.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
            ServiceCalls.Answer answer = calls.exchange(service, put, who, "The subscription was not made.");
            if (answer.failure().isPresent()) {
                done.forEach(earlier -> calls.exchange(earlier, HttpRequest.DELETE(
                        earlier.target(Subscriptions.path(earlier, id)).toString()), who, ""));
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
        MutableHttpResponse<?> refused = Subscriptions.refusal(caller, null);
        if (refused != null) {
            return refused;
        }
        // Every service holds the same subscriptions: the first one's list is the suite's.
        DownstreamService service = routes.services().get(0);
        ServiceCalls.Answer answer = calls.exchange(service, HttpRequest.GET(service.target(
                UriBuilder.of("/api/v1/webhooks/services/" + service.name() + "/subscriptions").build())),
                who(caller, request), "Try again.");
        return answer.failure().orElseGet(() -> Subscriptions.ok(answer.body()));
    }

    @Get(value = "/{subscriptionId}", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> subscription(HttpRequest<?> request, Authentication authentication,
                                        @PathVariable String subscriptionId) {
        Caller caller = Caller.of(authentication);
        MutableHttpResponse<?> refused = Subscriptions.refusal(caller, subscriptionId);
        if (refused != null) {
            return refused;
        }
        DownstreamService service = routes.services().get(0);
        ServiceCalls.Answer answer = calls.exchange(service,
                HttpRequest.GET(service.target(Subscriptions.path(service, subscriptionId))), who(caller, request),
                "Try again.");
        return answer.failure().orElseGet(() -> Subscriptions.ok(answer.body()));
    }

    @Delete("/{subscriptionId}")
    MutableHttpResponse<?> unsubscribe(HttpRequest<?> request, Authentication authentication,
                                       @PathVariable String subscriptionId) {
        Caller caller = Caller.of(authentication);
        MutableHttpResponse<?> refused = Subscriptions.refusal(caller, subscriptionId);
        if (refused != null) {
            return refused;
        }
        ServiceCalls.Call who = who(caller, request);
        boolean deleted = false;
        for (DownstreamService service : routes.services()) {
            ServiceCalls.Answer answer = calls.exchange(service, HttpRequest.DELETE(
                    service.target(Subscriptions.path(service, subscriptionId)).toString()), who,
                    "Send the request again.");
            if (answer.failure().isPresent()) {
                if (answer.failure().get().getStatus() != HttpStatus.NOT_FOUND) {
                    return answer.failure().get();
                }
            } else {
                deleted = true;
            }
        }
        return deleted ? HttpResponse.noContent() : Subscriptions.notFound();
    }

    private ServiceCalls.Call who(Caller caller, HttpRequest<?> request) {
        return new ServiceCalls.Call(minter.mint(caller), CorrelationIdFilter.of(request).orElse(null));
    }
}
