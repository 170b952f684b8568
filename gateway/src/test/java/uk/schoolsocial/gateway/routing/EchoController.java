package uk.schoolsocial.gateway.routing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in service, loaded only in the downstream context of {@link ProxyTest}: it answers with
 * what it received. It sits below {@code /{service}}, the path of the service URLs the test
 * configures, so that the gateway's own {@code /api/**} proxy, also present in that context,
 * never sees its requests. {@code ?status=N} makes it answer with status N, {@code ?delayMillis=N}
 * after N ms.
 */
@Requires(property = ProxyTest.DOWNSTREAM_PROPERTY, value = "true")
@Controller("/{service}/api/v1")
class EchoController {

    /** How many requests reached the stand-in service: a refused request must not. */
    static final java.util.concurrent.atomic.AtomicInteger RECEIVED = new java.util.concurrent.atomic.AtomicInteger();

    @Get("/{+rest}")
    Mono<HttpResponse<Map<String, Object>>> get(String service, String rest, HttpRequest<?> request,
                                                @Nullable @QueryValue Integer status,
                                                @Nullable @QueryValue Long delayMillis) {
        return Mono.just(echo(service, rest, request, null, status))
                .delayElement(Duration.ofMillis(delayMillis == null ? 0 : delayMillis));
    }

    @Post("/{+rest}")
    HttpResponse<Map<String, Object>> post(String service, String rest, HttpRequest<?> request, @Nullable @QueryValue Integer status,
                                           @Body String body) {
        return echo(service, rest, request, body, status);
    }

    private static HttpResponse<Map<String, Object>> echo(String service, String rest, HttpRequest<?> request,
                                                          String body, Integer status) {
        RECEIVED.incrementAndGet();
        Map<String, Object> received = new HashMap<>();
        received.put("service", service);
        received.put("rest", rest);
        received.put("method", request.getMethodName());
        received.put("path", request.getUri().getRawPath());
        received.put("query", request.getUri().getRawQuery());
        received.put("body", body);
        received.put("authorization", request.getHeaders().getAll("Authorization"));
        received.put("correlationId", request.getHeaders().get("X-Correlation-Id"));
        received.put("traceparent", request.getHeaders().get("traceparent"));
        received.put("idempotencyKey", request.getHeaders().get("Idempotency-Key"));
        received.put("ifMatch", request.getHeaders().get("If-Match"));
        received.put("clientHeader", request.getHeaders().get("X-Client-Header"));
        return HttpResponse.status(status == null ? HttpStatus.OK : HttpStatus.valueOf(status))
                .header("X-Downstream", "echo")
                .body(received);
    }
}
