package uk.schoolsocial.platform.axon;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;

/** A service-like Axon factory for platform tests only (never loads in a service's tests). */
@Factory
@Requires(property = "smp.test.platform-axon", value = "true")
class TestAxonFactory {

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonInfrastructure axon) {
        Configurer configurer = axon.configurer();
        configurer.configureAggregate(ReminderAggregate.class);
        return axon.start(configurer);
    }
}
