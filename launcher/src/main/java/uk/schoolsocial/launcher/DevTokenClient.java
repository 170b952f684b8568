package uk.schoolsocial.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets demo bearer tokens from the gateway's dev issuer ({@code POST /dev/token}). The answer is
 * a flat JSON object whose token is a JWT (base64url and dots, never escaped), so two patterns
 * read it without a JSON library in the launcher jar.
 */
final class DevTokenClient {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final HttpClient http;
    private final URI gateway;

    DevTokenClient(HttpClient http, URI gateway) {
        this.http = http;
        this.gateway = gateway;
    }

    /** A token and how long the gateway said it lasts. */
    record DevToken(String accessToken, Duration expiresIn) {}

    /**
     * @param user a demo user of the runtime contract, e.g. {@code slt}
     * @return a fresh token
     * @throws IllegalStateException when the gateway refuses (e.g. it runs in OIDC mode)
     */
    DevToken fetch(String user) throws InterruptedException {
        if (!USER_NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("not a demo user name: " + user);
        }
        HttpRequest request =
                HttpRequest.newBuilder(gateway.resolve("/dev/token"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}"))
                        .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST /dev/token failed: " + e.getMessage(), e);
        }
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException(
                    "POST /dev/token for " + user + " answered " + response.statusCode() + ": "
                            + response.body());
        }
        Matcher expiry = EXPIRES_IN.matcher(response.body());
        Duration expiresIn = expiry.find() ? Duration.ofSeconds(Long.parseLong(expiry.group(1))) : Duration.ZERO;
        return new DevToken(token.group(1), expiresIn);
    }
}
