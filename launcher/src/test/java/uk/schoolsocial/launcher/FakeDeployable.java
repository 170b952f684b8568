package uk.schoolsocial.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for a service or the gateway in launcher tests: listens where the launcher told it,
 * answers {@code /health} and {@code /dev/token} as the runtime contract says, and shows the
 * environment it was given on {@code /env}.
 */
public final class FakeDeployable {

    private static final Pattern USER = Pattern.compile("\"user\"\\s*:\\s*\"([^\"]+)\"");

    private FakeDeployable() {}

    public static void main(String[] args) throws IOException {
        String host = System.getenv("MICRONAUT_SERVER_HOST");
        int port = Integer.parseInt(System.getenv("MICRONAUT_SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/health", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/dev/token", FakeDeployable::token);
        server.createContext("/env", exchange -> respond(exchange, contractEnvironment()));
        server.start();
        System.out.println("fake listening on " + host + ":" + port);
    }

    private static void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher user = USER.matcher(body);
        String name = user.find() ? user.group(1) : "nobody";
        respond(exchange, "{\"access_token\":\"token-for-" + name
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static String contractEnvironment() {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(System.getenv()).forEach((name, value) -> {
            if (name.startsWith("SMP_") || name.startsWith("DATASOURCES_") || name.startsWith("MICRONAUT_")) {
                lines.append(name).append('=').append(value).append('\n');
            }
        });
        return lines.toString();
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Parses what {@code /env} answered. */
    static Map<String, String> parseEnvironment(String body) {
        Map<String, String> env = new TreeMap<>();
        body.lines().forEach(line -> env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return env;
    }
}
