package uk.schoolsocial.gateway.federation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.web.Problems;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a service's part of a merged read could not be read.
 *
 * @param service     its name
 * @param kind        what went wrong
 * @param status      for {@link Kind#REFUSED} and {@link Kind#FAILED}, the status it answered
 * @param contentType for {@link Kind#REFUSED}, the type of its answer
 * @param body        for {@link Kind#REFUSED}, its answer (a problem), passed on to the caller
 */
record ServiceFailure(String service, Kind kind, int status, @Nullable String contentType,
                             @Nullable String body) {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceFailure.class);

    /** What went wrong. */
    enum Kind { UNREACHABLE, TIMED_OUT, FAILED, REFUSED }

    static ServiceFailure of(DownstreamService service, String read, Throwable failure) {
        if (failure instanceof HttpClientResponseException answered) {
            HttpResponse<?> response = answered.getResponse();
            int status = response.getStatus().getCode();
            if (status == 400 || status == 403) {
                return new ServiceFailure(service.name(), Kind.REFUSED, status,
                        response.getContentType().map(MediaType::toString).orElse(null),
                        response.getBody(String.class).orElse(null));
            }
            LOG.warn("{} service answered {} with {}", service.name(), read, status);
            return new ServiceFailure(service.name(), Kind.FAILED, status, null, null);
        }
        LOG.warn("{} service at {} failed: {}", service.name(), service.url(), failure.toString());
        if (failure instanceof ReadTimeoutException) {
            return new ServiceFailure(service.name(), Kind.TIMED_OUT, 0, null, null);
        }
        if (failure instanceof Federation.UnreadableAnswerException) {
            return new ServiceFailure(service.name(), Kind.FAILED, 200, null, null);
        }
        return new ServiceFailure(service.name(), Kind.UNREACHABLE, 0, null, null);
    }

    /**
     * The answer to a read that failed: a service's refusal (400, 403) is the caller's to read, as
     * the service gave it; otherwise 502 (504 if every failed service was only too slow), naming
     * each service that failed.
     *
     * @param entries what a service gives ("its audit events"), for the detail
     * @param page    what a page of them is called ("a page of events")
     */
    static MutableHttpResponse<?> response(List<ServiceFailure> failures, String entries, String page) {
        for (ServiceFailure failure : failures) {
            if (failure.kind() == Kind.REFUSED) {
                MutableHttpResponse<String> refusal = HttpResponse.<String>status(HttpStatus.valueOf(failure.status()))
                        .body(failure.body() == null ? "" : failure.body());
                return failure.contentType() == null ? refusal : refusal.contentType(failure.contentType());
            }
        }
        boolean allSlow = failures.stream().allMatch(failure -> failure.kind() == Kind.TIMED_OUT);
        String detail = failures.stream().map(failure -> switch (failure.kind()) {
            case UNREACHABLE -> "The " + failure.service() + " service cannot be reached.";
            case TIMED_OUT -> "The " + failure.service() + " service did not answer in time.";
            case FAILED, REFUSED -> "The " + failure.service() + " service could not give " + entries
                    + " (it answered " + (failure.status() == 200 ? "something that is not " + page
                    : "HTTP " + failure.status()) + ").";
        }).collect(Collectors.joining(" "));
        return Problems.response(allSlow ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY, detail);
    }
}
