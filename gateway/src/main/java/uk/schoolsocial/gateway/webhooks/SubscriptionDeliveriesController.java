package uk.schoolsocial.gateway.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.privacy.ServiceCalls;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.routing.InternalTokenMinter;
import uk.schoolsocial.gateway.routing.RouteTable;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;

/**
 * A suite subscription's deliveries (webhooks.yaml, INT-1): each service delivers its own events,
 * so the list asks every service and merges, newest first, naming the service of each; a
 * redelivery goes to the service that has the delivery.
 */
@Controller("/api/v1/webhooks/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SubscriptionDeliveriesController {

    private final RouteTable routes;
    private final InternalTokenMinter minter;
    private final ServiceCalls calls;
    private final ObjectMapper json = new ObjectMapper();

    SubscriptionDeliveriesController(RouteTable routes, InternalTokenMinter minter, ServiceCalls calls) {
        this.routes = routes;
        this.minter = minter;
        this.calls = calls;
    }

    @Get(value = "/{subscriptionId}/deliveries", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> deliveries(HttpRequest<?> request, Authentication authentication,
                                      @PathVariable String subscriptionId, @Nullable @QueryValue Integer limit) {
        Caller caller = Caller.of(authentication);
        MutableHttpResponse<?> refused = Subscriptions.refusal(caller, subscriptionId);
        if (refused != null) {
            return refused;
        }
        ServiceCalls.Call who = who(caller, request);
        List<ObjectNode> merged = new ArrayList<>();
        for (DownstreamService service : routes.services()) {
            UriBuilder uri = UriBuilder.of(Subscriptions.path(service, subscriptionId).getPath() + "/deliveries");
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
        return Subscriptions.ok(answer);
    }

    @Post(value = "/{subscriptionId}/deliveries/{deliveryId}/redeliver", consumes = MediaType.ALL,
            produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> redeliver(HttpRequest<?> request, Authentication authentication,
                                     @PathVariable String subscriptionId, @PathVariable String deliveryId) {
        Caller caller = Caller.of(authentication);
        MutableHttpResponse<?> refused = Subscriptions.refusal(caller, subscriptionId);
        if (refused != null) {
            return refused;
        }
        ServiceCalls.Call who = who(caller, request);
        for (DownstreamService service : routes.services()) {
            // The delivery id as the caller sent it, encoded again as one path segment (it may hold anything).
            String segment = java.net.URLEncoder.encode(deliveryId, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20");
            MutableHttpRequest<String> post = HttpRequest.POST(service.target(java.net.URI.create(
                    Subscriptions.path(service, subscriptionId).getPath() + "/deliveries/" + segment + "/redeliver")), "");
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
        return Subscriptions.notFound();
    }

    private ServiceCalls.Call who(Caller caller, HttpRequest<?> request) {
        return new ServiceCalls.Call(minter.mint(caller), CorrelationIdFilter.of(request).orElse(null));
    }
}
