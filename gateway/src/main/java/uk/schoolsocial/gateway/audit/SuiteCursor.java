package uk.schoolsocial.gateway.audit;

import io.micronaut.core.annotation.Nullable;
import uk.schoolsocial.gateway.federation.FederatedCursor;
import uk.schoolsocial.gateway.federation.FederatedCursor.InvalidCursorException;

import java.time.Instant;
import java.util.Set;

/**
 * The merged history's terms for its cursor ({@link FederatedCursor}): the events after a service
 * cursor, for one school and one set of filters, are a prefix of the chain that never changes (the
 * chain only grows at its end), so the cursor is bound to the school and filters it was made for.
 */
final class SuiteCursor {

    private SuiteCursor() {
    }

    /**
     * @param text     a cursor this gateway gave
     * @param services the names of the services it may hold positions of
     * @throws InvalidCursorException if it is not such a cursor
     */
    static FederatedCursor decode(String text, Set<String> services) {
        return FederatedCursor.decode(text, services, SuiteEventsQuery.SERVICE_MAX_LIMIT,
                "is not a cursor of this history; pass a nextCursor as it was given", null);
    }

    /**
     * What a cursor is bound to: the caller's school and the filters. A count of events taken means
     * nothing for another school or other filters, so such a cursor is refused, not misread.
     */
    static String binding(String school, @Nullable String aggregateId, @Nullable String type,
                          @Nullable Instant from, @Nullable Instant to) {
        return FederatedCursor.binding(String.join("\n", school, String.valueOf(aggregateId), String.valueOf(type),
                String.valueOf(from), String.valueOf(to)));
    }
}
