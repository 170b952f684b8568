package uk.schoolsocial.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every service, as a stand-in answering 200 with the path and the internal token the gateway
 * forwarded, so a test sees who the gateway took the caller for, and counts what reached it. Loaded
 * only in the context {@link #start} makes, below {@code /standin}, the path of the service URLs.
 */
@Requires(property = StandInService.PROPERTY, value = "true")
@Controller("/standin/api/v1")
class StandInService {

    static final String PROPERTY = "test.auth-standin";
    /** The secret of application-test.yml, which the services would share. */
    private static final String SECRET = "test-internal-token-secret-0123456789abcdef";
    static final AtomicInteger RECEIVED = new AtomicInteger();

    /** Starts the stand-in; point every {@code smp.services.<name>.url} at {@link #url}. */
    static EmbeddedServer start() {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1, "micronaut.security.enabled", false, PROPERTY, true));
    }

    static Map<String, Object> servicesAt(EmbeddedServer standIn) {
        String url = "http://127.0.0.1:" + standIn.getPort() + "/standin";
        Map<String, Object> properties = new HashMap<>();
        for (String service : new String[] {"account", "incident", "consent"}) {
            properties.put("smp.services." + service + ".url", url);
        }
        return properties;
    }

    /** The claims of the internal token the stand-in received, verified with the shared secret. */
    static JWTClaimsSet internalToken(String authorization) {
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
            if (!jwt.verify(new MACVerifier(SECRET))) {
                throw new AssertionError("The internal token is not signed with the shared secret");
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError(e);
        }
    }

    @Get("/{+rest}")
    Map<String, Object> get(String rest, HttpRequest<?> request) {
        return received(rest, request);
    }

    @Post("/{+rest}")
    Map<String, Object> post(String rest, HttpRequest<?> request) {
        return received(rest, request);
    }

    private static Map<String, Object> received(String rest, HttpRequest<?> request) {
        RECEIVED.incrementAndGet();
        return Map.of("path", "/api/v1/" + rest,
                "authorization", request.getHeaders().get("Authorization"));
    }
}
