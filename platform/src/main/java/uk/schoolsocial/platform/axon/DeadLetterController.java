package uk.schoolsocial.platform.axon;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Roles;

/**
 * What an operator reads and does about parked events (issue 11, docs/operations.md): the list,
 * and a retry once the cause is fixed. Not part of the public API: the gateway does not route it,
 * and only an OPERATOR token opens it, never a school role. Parked events span every school, and
 * retrying them is a deployment's decision, not a school's.
 */
@Controller("/operations/dead-letters")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.OPERATOR)
class DeadLetterController {

    private static final int MAX_LIMIT = 1000;

    private final ParkedEvents parked;
    private final ProcessorFailures failures;
    private final DeadLetterRetry retry;

    DeadLetterController(ParkedEvents parked, ProcessorFailures failures, DeadLetterRetry retry) {
        this.parked = parked;
        this.failures = failures;
        this.retry = retry;
    }

    /** The parked events, oldest first, and the processors stuck on an event. */
    @Get
    Map<String, Object> list(@Nullable @QueryValue Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "limit must be between 1 and " + MAX_LIMIT,
                    java.util.List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return report(limit == null ? 100 : limit);
    }

    /**
     * Retries the parked events of one processor, or of all: each aggregate's in order, through the
     * same handlers. Answers what was retried and what is still parked.
     */
    @Post(value = "/retry", consumes = MediaType.ALL)
    Map<String, Object> retry(@Nullable @QueryValue String processor) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("retried", retry.retry(processor).stream().map(o -> {
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("processor", o.processor());
            outcome.put("aggregatesTried", o.retried());
            outcome.put("eventsProcessed", o.processed());
            outcome.put("stillParked", o.stillParked());
            return outcome;
        }).toList());
        answer.putAll(report(100));
        return answer;
    }

    private Map<String, Object> report(int limit) {
        ParkedEvents.Report report = parked.report(limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parked", report.total());
        body.put("parkedByProcessor", report.byProcessor());
        body.put("parkedEvents", report.events().stream().map(EventHandlingHealthIndicator::describe).toList());
        body.put("failingProcessors", failures.current().stream().map(EventHandlingHealthIndicator::describe).toList());
        return body;
    }
}
