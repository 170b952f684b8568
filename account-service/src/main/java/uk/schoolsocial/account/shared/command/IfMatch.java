package uk.schoolsocial.account.shared.command;

import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;

/**
 * A stale {@code If-Match} (an expected version below the aggregate's) refused inside the
 * handler, so it is a 412 like a version from the future. Left to Axon, the conflict is found
 * only when the unit of work commits, outside the error interceptor, and answers 409.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static void requireCurrent(ConflictResolver conflicts) {
        conflicts.detectConflicts(events -> !events.isEmpty(), (id, expected, actual) ->
                new DomainException(PlatformError.VERSION_MISMATCH,
                        "The record has changed since the version given in If-Match; read it again"));
    }
}
