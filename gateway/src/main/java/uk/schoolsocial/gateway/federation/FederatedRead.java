package uk.schoolsocial.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriBuilder;
import uk.schoolsocial.gateway.routing.DownstreamService;

import java.util.List;

/**
 * What one merged read asks of {@link Federation}: which services, from where, how many entries,
 * and how a service's page of them is asked for and read. Each endpoint keeps its own contract
 * here (the audit history's filters and {@code page.nextCursor}, the change feed's {@code cursor}
 * and {@code more}); the fan-out, the merge and the paging are the core's.
 */
public interface FederatedRead {

    /** The services to read, each once. */
    List<DownstreamService> services();

    /** Where the previous page ended. */
    FederatedCursor cursor();

    /** At most this many entries in the merged page. */
    int limit();

    /** How this read is named and how large a service's page of it can be. */
    Terms terms();

    /**
     * The path of a service's page, with this read's filters; the core adds {@code cursor} and
     * {@code limit} after them.
     */
    UriBuilder uri(DownstreamService service);

    /**
     * A service's answer read as a page, its items already checked to be objects.
     *
     * @return null when the answer is not a page of this read
     */
    @Nullable
    ServicePage page(JsonNode root, List<ObjectNode> items);

    /** Writes a merged page as this read's contract shapes it, into the answer's empty {@code body}. */
    void write(Federation.Page page, ObjectNode body);

    /**
     * What stays the same for every request of one read.
     *
     * @param name            how the log and errors name a service's part of it ("the audit history")
     * @param entries         what a service gives, for a failure's detail ("its audit events")
     * @param pageName        what a page of them is called, for a failure's detail ("a page of events")
     * @param serviceMaxLimit the largest page a service gives, so the most a position can have taken
     */
    record Terms(String name, String entries, String pageName, int serviceMaxLimit) {
    }

    /**
     * A page as a service gave it.
     *
     * @param cursor the service's cursor of the page after it; null only where the service gives
     *               none after its last page
     * @param more   whether the service has entries after this page
     */
    record ServicePage(List<ObjectNode> items, @Nullable String cursor, boolean more) {
    }
}
