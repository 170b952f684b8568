package uk.schoolsocial.account.official.web;

import io.micronaut.http.context.ServerRequestContext;
import java.util.List;
import uk.schoolsocial.account.official.command.AccountError;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.web.IdempotencyFilter;

/**
 * ACC-6: a reveal of login details takes no Idempotency-Key, because the platform's idempotency
 * records keep the answer in the clear to replay it. Each reveal is sent afresh, and recorded.
 */
final class RevealWithoutKey {

    private RevealWithoutKey() {
    }

    /** Refuses the current request if it carries an Idempotency-Key. */
    static void require() {
        boolean keyed = ServerRequestContext.currentRequest()
                .map(r -> r.getHeaders().contains(IdempotencyFilter.HEADER)).orElse(false);
        if (keyed) {
            throw new DomainException(AccountError.REVEAL_NOT_REPLAYABLE, "A reveal takes no Idempotency-Key: a"
                    + " replay would keep the login details with the stored answer. Send it without one; each reveal"
                    + " is recorded.",
                    List.of(new FieldError(IdempotencyFilter.HEADER, "not allowed on a reveal: its answer would be stored")));
        }
    }
}
