package uk.schoolsocial.gateway.changes;

import uk.schoolsocial.gateway.federation.FederatedCursor;
import uk.schoolsocial.gateway.federation.FederatedCursor.InvalidCursorException;

import java.util.Set;

/**
 * The change feed's terms for its merged cursor (issue 12; {@link FederatedCursor}): bound to the
 * school it was made for, and a service's feed only grows at its end ({@code ChangeLog}: one
 * segment, so entries are numbered in the order they commit).
 */
final class ChangesCursor {

    /** The contract's maximum length of the merged cursor (webhooks.yaml, {@code listSuiteChanges}). */
    static final int MAX_LENGTH = FederatedCursor.MAX_LENGTH;

    private ChangesCursor() {
    }

    /** The start of every service's feed, for the school. */
    static FederatedCursor start(String school) {
        return FederatedCursor.start(binding(school));
    }

    /**
     * @param text     a cursor this gateway gave
     * @param school   the caller's school, which it must have been made for
     * @param services the services it may hold positions of
     * @throws InvalidCursorException if it is not such a cursor
     */
    static FederatedCursor decode(String text, String school, Set<String> services) {
        return FederatedCursor.decode(text, services, ChangeFeed.SERVICE_MAX_LIMIT,
                "is not a cursor of this feed; pass a cursor as it was given", new FederatedCursor.Bound(
                        binding(school), "was given to another school; read from the start without it"));
    }

    private static String binding(String school) {
        return FederatedCursor.binding("changes\n" + school);
    }
}
