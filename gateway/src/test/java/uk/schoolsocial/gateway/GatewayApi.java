package uk.schoolsocial.gateway;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.MicronautJunit5Extension;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The gateway as its tests call it, in front of a stub of the services: a second Micronaut server
 * that loads only the test controllers of one property ({@code FakeAuditController} under
 * {@code test.audit-downstream}, the routing tests' {@code EchoController} under {@code test.downstream}, ...).
 * As platform's {@code ServiceApi} does for the services, it is a JUnit extension, so that no test class
 * repeats the preamble of stub start-up, service URLs, tokens and shut-down:
 * <pre>{@code
 * @RegisterExtension
 * static final GatewayApi GATEWAY = new GatewayApi(DOWNSTREAM_PROPERTY);
 *
 * public Map<String, String> getProperties() {  // a @MicronautTest's TestPropertyProvider
 *     return GATEWAY.servicesAt("/trails");
 * }
 * ...
 * GATEWAY.as("auditor").get("/api/v1/audit/events").then().statusCode(200);
 * }</pre>
 * The stub starts when it is first asked for (in {@code getProperties}, before the gateway's context)
 * and stops after the class, as does a gateway the class started with {@link #start} rather than
 * through {@code @MicronautTest}. Requests go to that gateway, or else to the server of the class's
 * application context, found where micronaut-test keeps it, when the request is made.
 */
public final class GatewayApi implements BeforeAllCallback, AfterAllCallback {

    /** The gateway-to-service token secret of application-test.yml, which the services would share. */
    public static final String INTERNAL_TOKEN_SECRET = "test-internal-token-secret-0123456789abcdef";

    private static final ExtensionContext.Namespace MICRONAUT =
            ExtensionContext.Namespace.create(MicronautJunit5Extension.class);

    private final String stubProperty;
    private EmbeddedServer stub;
    private EmbeddedServer gateway;
    private volatile ExtensionContext.Store micronaut;

    /** @param stubProperty the property that loads the stub's controllers, set to {@code true} in the stub only */
    public GatewayApi(String stubProperty) {
        this.stubProperty = stubProperty;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        micronaut = context.getRoot().getStore(MICRONAUT);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        micronaut = null;
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        if (stub != null) {
            stub.close();
            stub = null;
        }
    }

    /** The stub of the services, started on a free port when first asked for. */
    public EmbeddedServer stub() {
        if (stub == null) {
            stub = ApplicationContext.run(EmbeddedServer.class, Map.of(
                    "micronaut.server.port", -1,
                    "micronaut.security.enabled", false,
                    stubProperty, true));
        }
        return stub;
    }

    /** A bean of the stub's context: what its controllers saw, or what they are to answer. */
    public <T> T stubBean(Class<T> type) {
        return stub().getApplicationContext().getBean(type);
    }

    /** The stub's address with {@code path} after it, e.g. {@code /account-svc}. */
    public String stubUrl(String path) {
        return "http://127.0.0.1:" + stub().getPort() + path;
    }

    /** Every service ({@code smp.services.<name>.url}) at the one {@link #stubUrl}. */
    public Map<String, String> servicesAt(String path) {
        String url = stubUrl(path);
        Map<String, String> services = new HashMap<>();
        for (String service : new String[] {"account", "incident", "consent"}) {
            services.put("smp.services." + service + ".url", url);
        }
        return services;
    }

    /** Starts the class's gateway (outside {@code @MicronautTest}); it stops after the class, before the stub. */
    public EmbeddedServer start(Map<String, ?> properties, String... environments) {
        gateway = run(properties, environments);
        return gateway;
    }

    /** A gateway of its own on a free port, for one test to close. */
    public static EmbeddedServer run(Map<String, ?> properties, String... environments) {
        Map<String, Object> withPort = new HashMap<>(properties);
        withPort.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, withPort, environments);
    }

    /** A request as a demo user, with a token from the gateway's dev issuer ({@code POST /dev/token}). */
    public RequestSpecification as(String user) {
        return as(port(), user);
    }

    /** As {@link #as(String)}, with a JSON body. */
    public RequestSpecification asJson(String user) {
        return as(user).contentType(ContentType.JSON);
    }

    /** A request with no token. */
    public RequestSpecification request() {
        return RestAssured.given().port(port());
    }

    /** A request as a demo user to another gateway, with a token from that gateway's dev issuer. */
    public static RequestSpecification as(EmbeddedServer gateway, String user) {
        return as(gateway.getPort(), user);
    }

    private static RequestSpecification as(int port, String user) {
        return RestAssured.given().port(port).auth().oauth2(TestTokens.devToken(port, user));
    }

    /** The port of the class's gateway. */
    public int port() {
        if (gateway != null) {
            return gateway.getPort();
        }
        ExtensionContext.Store store = micronaut;
        ApplicationContext context = store == null ? null : store.get(ApplicationContext.class, ApplicationContext.class);
        if (context == null || !context.isRunning()) {
            throw new IllegalStateException("GatewayApi knows no running gateway: register it with @RegisterExtension"
                    + " in a @MicronautTest class, or start one with start(...)");
        }
        return context.getBean(EmbeddedServer.class).getPort();
    }

    /**
     * What a stub service reads of the gateway's call: the claims of the internal token in its
     * {@code Authorization} header, or {@code null} when there is none or it is not signed with
     * {@link #INTERNAL_TOKEN_SECRET}.
     */
    public static JWTClaimsSet internalClaims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
            return jwt.verify(new MACVerifier(INTERNAL_TOKEN_SECRET.getBytes(StandardCharsets.UTF_8)))
                    ? jwt.getJWTClaimsSet() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** A port nobody listens on: a service that is down. */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
