package uk.schoolsocial.platform.error;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Turns a refused command into a {@link CommandExecutionException} whose details are
 * {@link ErrorDetails}: the one place where rule failures become something a client (or another
 * node of a distributed command bus) can read.
 */
public final class DomainErrorInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException refusal) {
            throw refused(refusal);
        } catch (AggregateNotFoundException missing) {
            throw refused(new DomainException(PlatformError.NOT_FOUND, "No such record"));
        } catch (ConflictingAggregateVersionException stale) {
            throw refused(new DomainException(PlatformError.VERSION_MISMATCH,
                    "The record has changed since the version given in If-Match; read it again"));
        }
    }

    private static CommandExecutionException refused(DomainException refusal) {
        return new CommandExecutionException(refusal.getMessage(), null, refusal.details());
    }
}
