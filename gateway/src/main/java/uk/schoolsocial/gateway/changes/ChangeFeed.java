package uk.schoolsocial.gateway.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriBuilder;
import uk.schoolsocial.gateway.federation.FederatedCursor;
import uk.schoolsocial.gateway.federation.FederatedRead;
import uk.schoolsocial.gateway.federation.Federation;
import uk.schoolsocial.gateway.routing.DownstreamService;

import java.util.List;
import java.util.Map;

/**
 * One page of the suite's change feed for the school's MIS (issue 12, {@code listSuiteChanges}):
 * each feed-keeping service's own feed ({@link #FEEDS}), merged by when the changes occurred
 * ({@link Federation}). A service's feed always gives a cursor
 * and says whether it has {@code more}.
 */
record ChangeFeed(List<DownstreamService> services, FederatedCursor cursor, int limit) implements FederatedRead {

    /** The largest page a service's feed gives (common.yaml {@code Limit}). */
    static final int SERVICE_MAX_LIMIT = 200;

    private static final Terms TERMS = new Terms("its change feed", "its changes", "a page of changes",
            SERVICE_MAX_LIMIT);

    /** The services that keep a change feed, and its path. */
    static final Map<String, String> FEEDS = Map.of(
            "account", "/api/v1/accounts/changes",
            "consent", "/api/v1/consents/changes");

    @Override
    public Terms terms() {
        return TERMS;
    }

    /** {@code items}, the {@code cursor} to read on from (always), and whether there is {@code more}. */
    @Override
    public void write(Federation.Page page, ObjectNode body) {
        body.putArray("items").addAll(page.items());
        body.put("cursor", page.cursor());
        body.put("more", page.more());
    }

    @Override
    public UriBuilder uri(DownstreamService service) {
        return UriBuilder.of(FEEDS.get(service.name()));
    }

    @Override
    @Nullable
    public ServicePage page(JsonNode root, List<ObjectNode> items) {
        JsonNode cursor = root.get("cursor");
        if (cursor == null || !cursor.isTextual()) {
            return null;
        }
        return new ServicePage(items, cursor.asText(), root.path("more").asBoolean(false));
    }
}
