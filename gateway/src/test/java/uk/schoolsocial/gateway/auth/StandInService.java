package uk.schoolsocial.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;

import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import uk.schoolsocial.gateway.GatewayApi;

/**
 * Every service, as a stand-in answering 200 with the path and the internal token the gateway
 * forwarded, so a test sees who the gateway took the caller for, and counts what reached it. Loaded
 * only in the stub of {@code new GatewayApi(StandInService.PROPERTY)}, below {@link #PATH}, the path of
 * the service URLs ({@code GATEWAY.servicesAt(StandInService.PATH)}).
 */
@Requires(property = StandInService.PROPERTY, value = "true")
@Controller("/standin/api/v1")
class StandInService {

    static final String PROPERTY = "test.auth-standin";
    static final String PATH = "/standin";
    static final AtomicInteger RECEIVED = new AtomicInteger();

    /** The claims of the internal token the stand-in received, verified with the shared secret. */
    static JWTClaimsSet internalToken(String authorization) {
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
            if (!jwt.verify(new MACVerifier(GatewayApi.INTERNAL_TOKEN_SECRET))) {
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
