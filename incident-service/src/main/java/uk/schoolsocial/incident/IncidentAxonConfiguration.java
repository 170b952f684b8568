package uk.schoolsocial.incident;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import uk.schoolsocial.incident.report.command.Incident;
import uk.schoolsocial.incident.report.query.IncidentProjection;
import uk.schoolsocial.platform.axon.AxonInfrastructure;

/** Every aggregate, processor and saga of incident-service, in one place. */
@Factory
class IncidentAxonConfiguration {

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonInfrastructure axon, IncidentProjection incidents) {
        Configurer configurer = axon.configurer();
        configurer.configureAggregate(Incident.class);
        configurer.eventProcessing().registerEventHandler(c -> incidents);
        return axon.start(configurer);
    }
}
