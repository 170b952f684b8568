package uk.schoolsocial.platform.error;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a refused command into a {@link CommandExecutionException} whose details are
 * {@link ErrorDetails}: the one place where rule failures become something a client (or another
 * node of a distributed command bus) can read.
 *
 * <p>A record the caller may not see gets one answer, {@link PlatformError#noSuchRecord()},
 * whichever the reason (issue 11): no aggregate has the id; the id is of another kind of record
 * (an application's id where an account's belongs, which Axon reports as an
 * {@link IncompatibleAggregateException} when it replays the other aggregate's events); or the
 * aggregate refused it as another school's or not the caller's ({@code NOT_FOUND}, in whatever
 * words). Otherwise the answers would tell an id that exists from one that does not.
 */
public final class DomainErrorInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(DomainErrorInterceptor.class);
    /** The code by which aggregates say "this record does not exist for you". */
    private static final String NOT_FOUND = PlatformError.NOT_FOUND.name();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException refusal) {
            throw refused(NOT_FOUND.equals(refusal.code().name()) ? PlatformError.noSuchRecord() : refusal);
        } catch (AggregateNotFoundException | IncompatibleAggregateException missing) {
            LOG.debug("{} refused: {}", unitOfWork.getMessage().getCommandName(), missing.getMessage());
            throw refused(PlatformError.noSuchRecord());
        } catch (ConflictingAggregateVersionException stale) {
            throw refused(new DomainException(PlatformError.VERSION_MISMATCH,
                    "The record has changed since the version given in If-Match; read it again"));
        }
    }

    private static CommandExecutionException refused(DomainException refusal) {
        return new CommandExecutionException(refusal.getMessage(), null, refusal.details());
    }
}
