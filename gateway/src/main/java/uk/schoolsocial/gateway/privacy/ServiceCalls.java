package uk.schoolsocial.gateway.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import java.util.Optional;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;
import uk.schoolsocial.gateway.web.Problems;

/**
 * Blocking calls of the gateway's privacy endpoints to each service's own privacy API, with the
 * caller's internal token and correlation id (AUD-4): a service's refusal (4xx) is passed on as the
 * service gave it, anything else is 502 naming the service.
 */
@Singleton
public final class ServiceCalls {

    /** Who calls, for every service asked. */
    public record Call(String token, @Nullable String correlationId) {
    }

    /** A service's answer, or the response the caller gets instead. */
    public record Answer(@Nullable JsonNode body, Optional<MutableHttpResponse<?>> failure) {
    }

    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    ServiceCalls(HttpClient client) {
        this.client = client;
    }

    public Answer exchange(DownstreamService service, MutableHttpRequest<?> request, Call call, String onFailure) {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + call.token());
        if (call.correlationId() != null) {
            request.header(CorrelationIdFilter.HEADER, call.correlationId());
        }
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return new Answer(json.readTree(response.getBody().orElse("{}")), Optional.empty());
        } catch (HttpClientResponseException refused) {
            if (refused.getStatus().getCode() < 500) {
                MutableHttpResponse<String> passed = HttpResponse.<String>status(refused.getStatus())
                        .body(refused.getResponse().getBody(String.class).orElse(""));
                refused.getResponse().getContentType().ifPresent(passed::contentType);
                return new Answer(null, Optional.of(passed));
            }
            return new Answer(null, Optional.of(Problems.response(HttpStatus.BAD_GATEWAY, "The " + service.name()
                    + " service failed (HTTP " + refused.getStatus().getCode() + "). " + onFailure)));
        } catch (JsonProcessingException | RuntimeException unreachable) {
            return new Answer(null, Optional.of(Problems.response(HttpStatus.BAD_GATEWAY, "The " + service.name()
                    + " service cannot be reached. " + onFailure)));
        }
    }
}
