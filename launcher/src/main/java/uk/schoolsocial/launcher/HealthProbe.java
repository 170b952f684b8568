package uk.schoolsocial.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a process's unauthenticated {@code GET /health}, which every deployable answers. */
final class HealthProbe {

    private final HttpClient http;

    HealthProbe(HttpClient http) {
        this.http = http;
    }

    /** @return true on 200; false on any other status or while nothing listens yet */
    boolean isHealthy(URI baseUrl) throws InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(baseUrl.resolve("/health"))
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
