package uk.schoolsocial.platform.time;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The time every rule reads, the services' and the gateway's; secondary, so a test's own clock
 * replaces it to move time.
 */
@Factory
class ClockFactory {

    @Singleton
    @Secondary
    Clock clock() {
        return Clock.systemUTC();
    }
}
