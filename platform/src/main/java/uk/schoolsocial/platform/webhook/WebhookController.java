package uk.schoolsocial.platform.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;

/**
 * This service's part of a webhook subscription (INT-1, webhooks.yaml, decision 12). The gateway
 * subscribes once for the suite by giving every service the same id and secret
 * ({@code PUT .../subscriptions/{id}}); each service delivers its own events. SLT and INTEGRATION,
 * each seeing only subscriptions whose every type their roles may read.
 */
@Controller("/api/v1/webhooks/services/${smp.service.name}/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.SLT, Roles.INTEGRATION})
class WebhookController {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_LIMIT = 100;

    private final WebhookStore store;
    private final SubscriberAddresses addresses;
    private final CurrentActor current;
    private final Clock clock;
    private final String service;

    WebhookController(WebhookStore store, SubscriberAddresses addresses, CurrentActor current, Clock clock,
                      @io.micronaut.context.annotation.Value("${smp.service.name}") String service) {
        this.service = service;
        this.store = store;
        this.addresses = addresses;
        this.current = current;
        this.clock = clock;
    }

    record SubscriptionRequest(@Nullable String url, @Nullable List<String> eventTypes, @Nullable String secret) {
    }

    /** As the API shows a subscription: never its secret. */
    record SubscriptionView(String id, String url, List<String> eventTypes, Instant createdAt) {
        static SubscriptionView of(WebhookStore.Subscription s) {
            return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.createdAt());
        }
    }

    @Put(value = "/{subscriptionId}", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<SubscriptionView> subscribe(@PathVariable String subscriptionId, @Body SubscriptionRequest request) {
        Actor actor = current.get();
        List<String> types = validate(actor, subscriptionId, request);
        var existing = store.subscription(actor.schoolId(), subscriptionId);
        if (existing.isPresent()) {
            if (!existing.get().sameAs(request.url(), types, request.secret())) {
                throw conflict(subscriptionId);
            }
            return HttpResponse.ok(SubscriptionView.of(existing.get()));
        }
        WebhookStore.Subscription created = new WebhookStore.Subscription(subscriptionId, actor.schoolId(),
                request.url(), types, actor.roles(), request.secret(), actor.id(), clock.instant());
        if (!store.create(created)) {
            throw conflict(subscriptionId);
        }
        return HttpResponse.created(SubscriptionView.of(created), URI.create(where(subscriptionId)));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    Map<String, Object> list() {
        Actor actor = current.get();
        return Map.of("items", store.subscriptions(actor.schoolId()).stream().filter(s -> visible(actor, s))
                .map(SubscriptionView::of).toList());
    }

    @Get(value = "/{subscriptionId}", produces = MediaType.APPLICATION_JSON)
    SubscriptionView subscription(@PathVariable String subscriptionId) {
        return SubscriptionView.of(find(subscriptionId));
    }

    @Delete("/{subscriptionId}")
    @io.micronaut.http.annotation.Status(HttpStatus.NO_CONTENT)
    void unsubscribe(@PathVariable String subscriptionId) {
        find(subscriptionId);
        store.delete(current.get().schoolId(), subscriptionId, clock.instant());
    }

    @Get(value = "/{subscriptionId}/deliveries", produces = MediaType.APPLICATION_JSON)
    Map<String, Object> deliveries(@PathVariable String subscriptionId, @Nullable @QueryValue Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "limit must be from 1 to " + MAX_LIMIT,
                    List.of(new FieldError("limit", "must be from 1 to " + MAX_LIMIT)));
        }
        WebhookStore.Subscription s = find(subscriptionId);
        return Map.of("items", store.deliveries(s.schoolId(), s.id(), limit == null ? 50 : limit));
    }

    /** Sends a delivery again at once, with the same {@code webhook-id} and body, and a new retry window. */
    @Post(value = "/{subscriptionId}/deliveries/{deliveryId}/redeliver", consumes = MediaType.ALL,
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<WebhookStore.Delivery> redeliver(@PathVariable String subscriptionId, @PathVariable String deliveryId) {
        WebhookStore.Subscription s = find(subscriptionId);
        WebhookStore.Delivery delivery = store.delivery(s.schoolId(), deliveryId)
                .filter(d -> d.subscriptionId().equals(s.id())).orElseThrow(PlatformError::noSuchRecord);
        store.redeliver(delivery.deliveryId(), clock.instant());
        return HttpResponse.accepted().body(store.delivery(s.schoolId(), deliveryId).orElseThrow());
    }

    private WebhookStore.Subscription find(String subscriptionId) {
        if (!ID.matcher(subscriptionId).matches()) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "subscriptionId must be a UUID",
                    List.of(new FieldError("subscriptionId", "must be a UUID in lower case")));
        }
        Actor actor = current.get();
        return store.subscription(actor.schoolId(), subscriptionId).filter(s -> visible(actor, s))
                .orElseThrow(PlatformError::noSuchRecord);
    }

    private static boolean visible(Actor actor, WebhookStore.Subscription s) {
        return s.eventTypes().stream().allMatch(type -> WebhookType.of(type)
                .map(known -> known.readableBy(actor.roles())).orElse(false));
    }

    private List<String> validate(Actor actor, String subscriptionId, SubscriptionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!ID.matcher(subscriptionId).matches()) {
            errors.add(new FieldError("subscriptionId", "must be a UUID in lower case"));
        }
        if (request == null || request.url() == null || request.url().isBlank() || request.url().length() > 2048) {
            errors.add(new FieldError("url", "is required: an https URL of at most 2048 characters"));
        }
        if (request == null || request.secret() == null || !WebhookSignature.valid(request.secret())) {
            errors.add(new FieldError("secret", "is required: whsec_ and base64 of 24 to 64 random bytes"));
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        if (request == null || request.eventTypes() == null || request.eventTypes().isEmpty()) {
            errors.add(new FieldError("eventTypes", "is required: at least one webhook type"));
        } else {
            for (int i = 0; i < request.eventTypes().size(); i++) {
                String type = request.eventTypes().get(i);
                if (WebhookType.of(type).isEmpty()) {
                    errors.add(new FieldError("eventTypes[" + i + "]", "is not a webhook type (docs/integration.md)"));
                }
                types.add(type);
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The subscription is not valid", errors);
        }
        List<FieldError> refused = new ArrayList<>();
        for (int i = 0; i < request.eventTypes().size(); i++) {
            if (!WebhookType.of(request.eventTypes().get(i)).orElseThrow().readableBy(actor.roles())) {
                refused.add(new FieldError("eventTypes[" + i + "]", "is about records your roles may not read"));
            }
        }
        if (!refused.isEmpty()) {
            throw new DomainException(WebhookError.WEBHOOK_TYPE_NOT_ALLOWED,
                    "The subscription asks for types your roles may not read", refused);
        }
        addresses.refusal(request.url()).ifPresent(why -> {
            throw new DomainException(WebhookError.WEBHOOK_URL_REFUSED, "The url " + why,
                    List.of(new FieldError("url", why)));
        });
        return List.copyOf(types);
    }

    private DomainException conflict(String subscriptionId) {
        return new DomainException(WebhookError.WEBHOOK_SUBSCRIPTION_EXISTS, "Subscription " + subscriptionId
                + " exists with another url, types or secret", List.of(new FieldError("subscriptionId", "is taken")));
    }

    private String where(String subscriptionId) {
        return "/api/v1/webhooks/services/" + service + "/subscriptions/" + subscriptionId;
    }
}
