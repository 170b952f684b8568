package uk.schoolsocial.platform.axon;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.SynchronousTransactionManager;
import jakarta.inject.Singleton;
import java.sql.Connection;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;

/** A service-like Axon factory for the platform tests of parked events (never loads elsewhere). */
@Factory
@Requires(property = "smp.test.dead-letters", value = "true")
class DeadLetterTestFactory {

    @Singleton
    NoteProjection noteProjection(SynchronousTransactionManager<Connection> transactions, DataSource dataSource) {
        return new NoteProjection(transactions, DelegatingDataSource.unwrapDataSource(dataSource));
    }

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonInfrastructure axon, NoteProjection notes) {
        Configurer configurer = axon.configurer();
        configurer.configureAggregate(NoteAggregate.class);
        configurer.eventProcessing().registerEventHandler(c -> notes).registerSaga(NoteSaga.class);
        return axon.start(configurer);
    }
}
