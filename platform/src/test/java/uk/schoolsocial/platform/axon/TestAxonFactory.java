package uk.schoolsocial.platform.axon;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import io.micronaut.context.annotation.Requires;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;

/** A service-like Axon factory for platform tests only (never loads in a service's tests). */
@Factory
@Requires(property = "smp.test.platform-axon", value = "true")
class TestAxonFactory {

    @Singleton
    DeliveredEvents deliveredEvents() {
        return new DeliveredEvents();
    }

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonInfrastructure axon, DeliveredEvents delivered) {
        Configurer configurer = axon.configurer();
        configurer.configureAggregate(ReminderAggregate.class);
        configurer.eventProcessing().registerEventHandler(c -> delivered);
        return axon.start(configurer);
    }
}
