package uk.schoolsocial.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook subscriber for the e2e tests (INT-1), as platform's test {@code WebhookReceiver} (this
 * module is black-box and depends on no service code): a real HTTP server on loopback that checks every delivery's
 * signature as a subscriber would, with the Standard Webhooks library's verifier, and records what it
 * got. It answers 204, or 500 while {@link #failing}; it can be started late on a port reserved
 * before (a subscriber that is down).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One delivery as received: its headers, body, whether its signature verified, and what it was answered. */
    public record Received(String webhookId, String timestamp, String signature, String body, boolean verified,
                           int answered) {

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private volatile boolean failing;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** Listening at once. */
    public static WebhookReceiver started() {
        WebhookReceiver receiver = new WebhookReceiver(freePort());
        receiver.start();
        return receiver;
    }

    /** A port reserved, nothing listening until {@link #start()}: deliveries to it are refused. */
    public static WebhookReceiver down() {
        return new WebhookReceiver(freePort());
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    /** The secret to verify with, as the subscription's answer gave it. */
    public void verifyWith(String secret) {
        this.secret = secret;
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", this::handle);
        server.start();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** What was answered with 2xx, in the order it arrived. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.answered() < 300).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(first(exchange, "webhook-id")),
                "webhook-timestamp", List.of(first(exchange, "webhook-timestamp")),
                "webhook-signature", List.of(first(exchange, "webhook-signature")));
        boolean verified;
        try {
            new Webhook(secret).verify(body, headers);
            verified = true;
        } catch (WebhookVerificationException | com.standardwebhooks.exceptions.EmptyWebhookSecretException | RuntimeException e) {
            verified = false;
        }
        int status = failing || !verified ? (verified ? 500 : 400) : 204;
        received.add(new Received(first(exchange, "webhook-id"), first(exchange, "webhook-timestamp"),
                first(exchange, "webhook-signature"), body, verified, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static String first(HttpExchange exchange, String header) {
        String value = exchange.getRequestHeaders().getFirst(header);
        return value == null ? "" : value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
