package uk.schoolsocial.gateway.web;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.opentelemetry.api.trace.Span;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import uk.schoolsocial.gateway.auth.Caller;

/**
 * The gateway's log lines of a request carry its correlation id, and once the caller is known
 * their school and actor id (issue 14), as the services' do: MDC values {@code correlationId},
 * {@code school}, {@code actor} in the request's propagated context (logback.xml prints them).
 * Ids only, never a name. The correlation id and school are also attributes of the request's span.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLogContext implements Ordered {

    public static final String SPAN_CORRELATION_ID = "smp.correlation_id";
    public static final String SPAN_SCHOOL = "smp.school";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public int getOrder() {
        // after authentication, before the caller's limits, step-up and the proxy
        return ServerFilterPhase.SECURITY.after() - 20;
    }

    @RequestFilter
    public void putInLogContext(HttpRequest<?> request, MutablePropagatedContext context) {
        Map<String, String> values = new HashMap<>();
        CorrelationIdFilter.of(request).ifPresent(id -> values.put("correlationId", id));
        request.getUserPrincipal(Authentication.class).ifPresent(authentication -> {
            Caller caller = Caller.of(authentication);
            values.put("actor", caller.actorId());
            values.put("school", caller.school());
        });
        values.values().removeIf(value -> value == null || !PLAIN.matcher(value).matches());
        Span span = Span.current();
        if (values.containsKey("correlationId")) {
            span.setAttribute(SPAN_CORRELATION_ID, values.get("correlationId"));
        }
        if (values.containsKey("school")) {
            span.setAttribute(SPAN_SCHOOL, values.get("school"));
        }
        if (!values.isEmpty()) {
            context.add(new MdcPropagationContext(values));
        }
    }
}
