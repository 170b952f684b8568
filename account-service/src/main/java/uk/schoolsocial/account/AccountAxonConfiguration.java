package uk.schoolsocial.account;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import uk.schoolsocial.account.application.command.AccountApplication;
import uk.schoolsocial.account.application.query.ApplicationProjection;
import uk.schoolsocial.platform.axon.AxonInfrastructure;

/** Every aggregate, processor and saga of account-service, in one place. */
@Factory
class AccountAxonConfiguration {

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonInfrastructure axon, ApplicationProjection applications) {
        Configurer configurer = axon.configurer();
        configurer.configureAggregate(AccountApplication.class);
        configurer.eventProcessing().registerEventHandler(c -> applications);
        return axon.start(configurer);
    }
}
