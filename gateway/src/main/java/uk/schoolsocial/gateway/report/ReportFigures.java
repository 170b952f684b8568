package uk.schoolsocial.gateway.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.privacy.ServiceCalls;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.routing.InternalTokenMinter;
import uk.schoolsocial.gateway.routing.RouteTable;
import uk.schoolsocial.gateway.web.Problems;

/**
 * Gathers the governors' report's figures: for each school, each service's figures endpoint, with a
 * token minted for the caller acting for that school. A service's refusal is passed on; a failure
 * is 502 naming the service.
 */
@Singleton
final class ReportFigures {

    /** The report's parts: its key in the report, the service, and that service's figures path. */
    record Part(String key, String service, String path) {
    }

    static final List<Part> PARTS = List.of(
            new Part("incidents", "incident", "/api/v1/incidents/report-figures"),
            new Part("accounts", "account", "/api/v1/accounts/report-figures"),
            new Part("consent", "consent", "/api/v1/consents/report-figures"));

    /** The report gathered, or the answer the caller gets instead. */
    sealed interface Outcome {
        record Gathered(ObjectNode report) implements Outcome {
        }

        record Failed(MutableHttpResponse<?> response) implements Outcome {
        }
    }

    private final RouteTable routes;
    private final InternalTokenMinter minter;
    private final ServiceCalls calls;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    ReportFigures(RouteTable routes, InternalTokenMinter minter, ServiceCalls calls, Clock clock) {
        this.routes = routes;
        this.minter = minter;
        this.calls = calls;
        this.clock = clock;
    }

    Outcome gather(ReportRequest asked, List<Caller> schools, @Nullable String correlationId) {
        ObjectNode report = json.createObjectNode();
        report.put("from", asked.from().toString());
        report.put("to", asked.to().toString());
        report.put("generatedAt", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode items = report.putArray("schools");
        for (Caller school : schools) {
            ServiceCalls.Call call = new ServiceCalls.Call(minter.mint(school), correlationId);
            ObjectNode figures = items.addObject();
            figures.put("schoolId", school.school());
            for (Part part : PARTS) {
                Optional<DownstreamService> service = routes.service(part.service());
                if (service.isEmpty()) {
                    return new Outcome.Failed(Problems.response(HttpStatus.BAD_GATEWAY, "No " + part.service()
                            + " service is configured, so the report cannot be made."));
                }
                ServiceCalls.Answer answer = calls.exchange(service.get(), HttpRequest.GET(service.get().target(
                        UriBuilder.of(part.path()).queryParam("from", asked.from().toString())
                                .queryParam("to", asked.to().toString()).build())), call,
                        "The report was not made; try again.");
                if (answer.failure().isPresent()) {
                    return new Outcome.Failed(answer.failure().get());
                }
                figures.set(part.key(), withoutPeriod(answer.body()));
            }
        }
        return new Outcome.Gathered(report);
    }

    private static JsonNode withoutPeriod(JsonNode body) {
        if (body instanceof ObjectNode object) {
            object.remove("from");
            object.remove("to");
        }
        return body;
    }
}
