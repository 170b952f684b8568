package uk.schoolsocial.platform.axon;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import io.micronaut.context.annotation.Requires;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import uk.schoolsocial.platform.web.NoteAggregate;
import uk.schoolsocial.platform.web.NoteGate;

/** A service-like Axon factory for platform tests only (never loads in a service's tests). */
@Factory
@Requires(property = "smp.test.platform-axon", value = "true")
class TestAxonFactory {

    @Singleton
    DeliveredEvents deliveredEvents() {
        return new DeliveredEvents();
    }

    @Singleton
    NoteGate noteGate() {
        return new NoteGate();
    }

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonInfrastructure axon, DeliveredEvents delivered, NoteGate gate) {
        Configurer configurer = axon.configurer();
        configurer.configureAggregate(ReminderAggregate.class);
        configurer.configureAggregate(NoteAggregate.class);
        configurer.registerComponent(NoteGate.class, c -> gate);
        configurer.eventProcessing().registerEventHandler(c -> delivered);
        return axon.start(configurer);
    }
}
