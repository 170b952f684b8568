package uk.schoolsocial.gateway.routing;

import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.schoolsocial.gateway.auth.ActingSchool;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.openapi.BodyLimits;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;
import uk.schoolsocial.gateway.web.Problems;

import java.net.ConnectException;
import java.net.URI;
import java.util.Optional;

/**
 * Forwards {@code /api/**} to the service that serves the path ({@link RouteTable}), as received
 * (method, path, query, headers, streamed body), except that the caller's {@code Authorization} is
 * replaced by the gateway's internal token: the services never see, and so cannot leak or trust,
 * the caller's own credential. Paths the gateway serves itself (the merged audit history) go on
 * to its controllers. Runs after the security filter, which has already refused unauthenticated
 * requests.
 *
 * <p>A body larger than its operation takes ({@link BodyLimits}, the contracts'
 * {@code x-max-body-bytes}) is refused with 413 before the service is called (issue 11): at once
 * when {@code Content-Length} says so, and for a chunked body once the gateway has read it, up to
 * the limit, before forwarding it.
 */
@Filter("/api/**")
final class ProxyFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyFilter.class);

    private final RouteTable routes;
    private final InternalTokenMinter minter;
    private final ProxyHttpClient client;
    private final BodyLimits limits;

    ProxyFilter(RouteTable routes, InternalTokenMinter minter, ProxyHttpClient client, BodyLimits limits) {
        this.routes = routes;
        this.minter = minter;
        this.client = client;
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (ambiguous(request.getUri().getRawPath()) || ambiguous(request.getPath())) {
            // The route, and so the school a request may act for, is decided on the path as given; a path
            // that a server further on could read differently is refused.
            return Mono.just(Problems.response(HttpStatus.BAD_REQUEST,
                    "The path must not contain '.' or '..' segments, encoded slashes or encoded dots."));
        }
        RouteTable.Route route = routes.route(request.getPath());
        if (route instanceof RouteTable.Route.Gateway) {
            // The gateway's own operations (a suite-wide erasure) keep their contracts' limits too (issue 18)
            long limit = limits.limit(request.getMethod(), request.getPath());
            return request.getContentLength() > limit ? Mono.just(tooLarge(request, limit, request.getContentLength()))
                    : chain.proceed(request);
        }
        if (route instanceof RouteTable.Route.NotFound notFound) {
            return Mono.just(Problems.response(HttpStatus.NOT_FOUND, notFound.detail()));
        }
        RouteTable.Route.Service target = (RouteTable.Route.Service) route;
        DownstreamService service = target.service();
        // The uri of the request's timings at /prometheus (issue 14): without it all are UNMATCHED_URI.
        request.setAttribute(HttpAttributes.URI_TEMPLATE, target.template());
        // The security rules require authentication on /api/**; this guards against their misconfiguration.
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return Mono.just(Problems.response(HttpStatus.UNAUTHORIZED, "This request needs a valid bearer token."));
        }
        Caller caller = Caller.of(authentication.get());
        if (target.audit()) {
            // AUD-2: an auditor granted schools across a trust picks the one the request acts for.
            ActingSchool.Outcome outcome = ActingSchool.of(caller, request);
            if (outcome instanceof ActingSchool.Outcome.Refused refused) {
                return Mono.just(refused.response());
            }
            caller = ((ActingSchool.Outcome.Acting) outcome).caller();
        }
        long limit = limits.limit(request.getMethod(), request.getPath());
        long declared = request.getContentLength();
        if (declared > limit) {
            return Mono.just(tooLarge(request, limit, declared));
        }
        Caller acting = caller;
        if (declared < 0 && request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)
                && request instanceof ServerHttpRequest<?> server) {
            // A chunked body declares no length: read it (the gateway's max-request-size stops a
            // longer one) and forward it only if it fits.
            return Mono.fromFuture(server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer())
                    .flatMapMany(body -> {
                        long length = body.length();
                        body.close();
                        return length > limit ? Mono.just(tooLarge(request, limit, length))
                                : forward(request, service, acting);
                    })
                    .onErrorResume(ContentLengthExceededException.class,
                            exceeded -> Mono.just(tooLarge(request, limit, -1)));
        }
        return forward(request, service, acting);
    }

    /**
     * To the service's next instance (issue 13). A read ({@code GET}, {@code HEAD}: no body, no effect)
     * that fails on the way is sent once more, to another instance. Nothing else is: a write may have
     * reached the service before the failure, and the caller's own retry with its {@code Idempotency-Key}
     * is the safe one (decision 8). An instance that cannot be connected to is passed over for a while.
     */
    private Publisher<MutableHttpResponse<?>> forward(HttpRequest<?> request, DownstreamService service, Caller caller) {
        URI first = service.next();
        boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        return Flux.from(attempt(request, service, first, caller))
                .onErrorResume(failure -> {
                    if (notConnected(failure)) {
                        DownstreamService.unreachable(first);
                    }
                    URI second = service.other(first);
                    if (read && !second.equals(first) && !(failure instanceof ContentLengthExceededException)) {
                        LOG.info("{} service at {} failed ({}); the read goes to {}", service.name(), first,
                                failure.toString(), second);
                        return Flux.from(attempt(request, service, second, caller))
                                .onErrorResume(again -> {
                                    if (notConnected(again)) {
                                        DownstreamService.unreachable(second);
                                    }
                                    return Mono.just(unavailable(service, second, again));
                                });
                    }
                    return Mono.just(unavailable(service, first, failure));
                });
    }

    private Publisher<MutableHttpResponse<?>> attempt(HttpRequest<?> request, DownstreamService service, URI base,
                                                      Caller caller) {
        MutableHttpRequest<?> forwarded = request.mutate().uri(service.target(base, request.getUri()));
        // The client's timings too (http_client_requests), by route, never by the full path.
        request.getAttribute(HttpAttributes.URI_TEMPLATE).ifPresent(template ->
                forwarded.setAttribute(HttpAttributes.URI_TEMPLATE, template));
        forwarded.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + minter.mint(caller));
        CorrelationIdFilter.of(request).ifPresent(id -> forwarded.getHeaders().set(CorrelationIdFilter.HEADER, id));
        return client.proxy(forwarded);
    }

    /** Whether the request never reached the instance: it refused or dropped the connection attempt. */
    private static boolean notConnected(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static MutableHttpResponse<?> tooLarge(HttpRequest<?> request, long limit, long length) {
        return Problems.tooLarge("The body of " + request.getMethodName() + " " + request.getPath()
                + " may have at most " + limit + " bytes" + (length < 0 ? "" : "; this one has " + length) + ".", limit);
    }

    private static boolean ambiguous(String path) {
        if (path == null) {
            return false;
        }
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%2e") || lower.contains("%5c") || lower.contains("\\")) {
            return true;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private MutableHttpResponse<?> unavailable(DownstreamService service, URI instance, Throwable failure) {
        if (failure instanceof ContentLengthExceededException) {
            // The body outgrew what the gateway's server accepts while it was being forwarded.
            return Problems.tooLarge("The body is larger than any operation takes.", limits.largest());
        }
        LOG.warn("{} service at {} failed: {}", service.name(), instance, failure.toString());
        if (failure instanceof ReadTimeoutException) {
            return Problems.response(HttpStatus.GATEWAY_TIMEOUT, "The " + service.name() + " service did not answer in time.");
        }
        return Problems.response(HttpStatus.BAD_GATEWAY, "The " + service.name() + " service cannot be reached.");
    }
}
