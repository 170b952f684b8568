package uk.schoolsocial.platform.axon;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;

/** Exposes the gateways of the service's Axon {@link Configuration} (built by its own factory) as beans. */
@Factory
class AxonBeans {

    @Singleton
    CommandGateway commandGateway(Configuration configuration) {
        return configuration.commandGateway();
    }

    @Singleton
    QueryGateway queryGateway(Configuration configuration) {
        return configuration.queryGateway();
    }

    @Singleton
    EventStore eventStore(Configuration configuration) {
        return configuration.eventStore();
    }

    @Singleton
    DeadlineManager deadlineManager(Configuration configuration) {
        return configuration.deadlineManager();
    }
}
