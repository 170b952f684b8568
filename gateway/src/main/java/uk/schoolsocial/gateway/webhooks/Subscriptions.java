package uk.schoolsocial.gateway.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.UriBuilder;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.identity.Role;

/** What the suite's subscription endpoints check and answer alike. */
final class Subscriptions {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Subscriptions() {
    }

    /**
     * The refusal of a caller who is neither SLT nor INTEGRATION (403), then of a subscription id
     * that is not a UUID in lower case (400); null when neither.
     *
     * @param subscriptionId null for the operations on every subscription
     */
    @Nullable
    static MutableHttpResponse<?> refusal(Caller caller, @Nullable String subscriptionId) {
        if (!caller.roles().contains(Role.SLT) && !caller.roles().contains(Role.INTEGRATION)) {
            return Problems.response(HttpStatus.FORBIDDEN, "Only SLT and INTEGRATION clients subscribe to webhooks.");
        }
        if (subscriptionId != null && !UUID_TEXT.matcher(subscriptionId).matches()) {
            return Problems.invalid(List.of(new FieldError("subscriptionId", "must be a UUID in lower case")));
        }
        return null;
    }

    /** A subscription as a service stores it. */
    static URI path(DownstreamService service, String subscriptionId) {
        return UriBuilder.of("/api/v1/webhooks/services/" + service.name() + "/subscriptions/" + subscriptionId).build();
    }

    static MutableHttpResponse<?> ok(JsonNode body) {
        return HttpResponse.ok(body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static MutableHttpResponse<?> notFound() {
        return Problems.response(HttpStatus.NOT_FOUND, "No such record");
    }
}
