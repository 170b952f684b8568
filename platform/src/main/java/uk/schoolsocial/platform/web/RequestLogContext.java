package uk.schoolsocial.platform.web;

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
import java.util.Optional;
import java.util.regex.Pattern;
import uk.schoolsocial.platform.identity.CurrentActor;

/**
 * Every log line a request causes carries its correlation id, school and actor (issue 14), on
 * whichever thread the request's work runs: they go into the request's propagated context as MDC
 * values ({@code correlationId}, {@code school}, {@code actor}; logback.xml prints them). Ids only,
 * which are pseudonyms (AUD-4); a correlation id that is not a plain token is left out, never
 * logged as sent. The correlation id and school are also attributes of the request's span.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLogContext implements Ordered {

    /** The MDC keys, the same for a request's lines and its handlers' (AxonTracing). */
    public static final String CORRELATION_ID = "correlationId";
    public static final String SCHOOL = "school";
    public static final String ACTOR = "actor";
    /** The span attributes of the same ids. */
    public static final String SPAN_CORRELATION_ID = "smp.correlation_id";
    public static final String SPAN_SCHOOL = "smp.school";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public int getOrder() {
        // after security, so the caller is known
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    public void putInLogContext(HttpRequest<?> request, MutablePropagatedContext context) {
        Map<String, String> values = new HashMap<>();
        Optional.ofNullable(request.getHeaders().get(CurrentActor.CORRELATION_HEADER))
                .filter(id -> PLAIN.matcher(id).matches())
                .ifPresent(id -> values.put(CORRELATION_ID, id));
        request.getUserPrincipal(Authentication.class).ifPresent(caller -> {
            values.put(ACTOR, plain(caller.getName()));
            Object school = caller.getAttributes().get(CurrentActor.SCHOOL_CLAIM);
            if (school != null) {
                values.put(SCHOOL, plain(school.toString()));
            }
        });
        values.values().removeIf(value -> value == null);
        // The same ids on the request's span, so a trace is found from a log line and back (issue 14).
        Span span = Span.current();
        Optional.ofNullable(values.get(CORRELATION_ID)).ifPresent(id -> span.setAttribute(SPAN_CORRELATION_ID, id));
        Optional.ofNullable(values.get(SCHOOL)).ifPresent(school -> span.setAttribute(SPAN_SCHOOL, school));
        if (!values.isEmpty()) {
            context.add(new MdcPropagationContext(values));
        }
    }

    private static String plain(String value) {
        return value != null && PLAIN.matcher(value).matches() ? value : null;
    }
}
