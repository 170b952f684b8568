package uk.schoolsocial.auditcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.schoolsocial.auditcli.VerifyCommandTest.Outcome;

/**
 * The online commands against a stand-in for the suite (the JDK's HTTP server answering as
 * audit.yaml says): the generated client's calls, the bearer token, the streamed export, exit codes.
 * The real suite is exercised end to end in e2e-tests.
 */
class OnlineCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "auditor-token";
    private static final int SIZE = 30;

    @TempDir
    Path dir;

    private final ExportFixture log = new ExportFixture(SIZE);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/audit/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @DisplayName("AUD-3: checkpoint, later download with the key, offline verify against the kept checkpoint")
    void checkpointDownloadVerify() throws IOException {
        Path cp = dir.resolve("cp.json");
        Outcome checkpoint = VerifyCommandTest.run("checkpoint", "--url", url, "--token", TOKEN, "--service", "account",
                "--out", cp.toString());
        assertEquals(AuditCli.INTACT, checkpoint.exit(), checkpoint.out() + checkpoint.err());
        assertEquals(20, JSON.readTree(cp.toFile()).get("size").asLong());
        assertTrue(requests.contains("POST /api/v1/audit/account/checkpoints"), requests.toString());

        Path file = dir.resolve("out/account.ndjson");
        Path key = dir.resolve("out/key.json");
        Outcome download = VerifyCommandTest.run("download", "--url", url, "--token", "Bearer " + TOKEN,
                "--service", "account", "--after-checkpoint", cp.toString(), "--out", file.toString(),
                "--key-out", key.toString());
        assertEquals(AuditCli.INTACT, download.exit(), download.out() + download.err());
        assertTrue(requests.contains("GET /api/v1/audit/account/export?fromSeq=21"), requests.toString());
        assertTrue(requests.contains("GET /api/v1/audit/account/signing-key"), requests.toString());
        assertTrue(download.out().contains("seq 21 to 30"), download.out());
        assertEquals(log.publicKeyBase64(), JSON.readTree(key.toFile()).get("publicKey").asText());

        Outcome verify = VerifyCommandTest.run("verify", file.toString(), "--public-key", key.toString(),
                "--checkpoint", cp.toString());
        assertEquals(AuditCli.INTACT, verify.exit(), verify.out());
        assertTrue(verify.out().contains("the file continues it"), verify.out());
    }

    @Test
    @DisplayName("AUD-3: remote-verify prints the service's verdict; exit 0 intact, 1 broken")
    void remoteVerify() throws IOException {
        Path cp = log.writeCheckpoint(12, dir.resolve("cp.json"));
        Path fresh = dir.resolve("fresh.json");
        Outcome intact = VerifyCommandTest.run("remote-verify", "--url", url, "--token", TOKEN, "--service", "account",
                "--checkpoint", cp.toString(), "--public-key", log.publicKeyBase64(),
                "--save-checkpoint", fresh.toString());
        assertEquals(AuditCli.INTACT, intact.exit(), intact.out() + intact.err());
        assertTrue(intact.out().contains("size 12 (issued 2026-11-21T10:00:00Z): matches"), intact.out());
        assertTrue(intact.out().contains("(signature valid)"), intact.out());
        assertEquals(SIZE, JSON.readTree(fresh.toFile()).get("size").asLong());

        Outcome broken = VerifyCommandTest.run("remote-verify", "--url", url, "--token", TOKEN, "--service",
                "account");
        assertEquals(AuditCli.BROKEN, broken.exit(), broken.out() + broken.err());
        assertTrue(broken.out().contains("ALTERED at seq 7 (global index 9, event " + log.eventId(7) + ")"),
                broken.out());
        assertTrue(broken.out().contains("result           FAILED"), broken.out());
    }

    @Test
    @DisplayName("online commands: refused (401) or unreachable is exit 3, a bad --service exit 2")
    void failures() throws IOException {
        Outcome refused = VerifyCommandTest.run("download", "--url", url, "--token", "wrong", "--service", "account",
                "--out", dir.resolve("a.ndjson").toString());
        assertEquals(AuditCli.UNREACHABLE, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("401"), refused.err());
        assertTrue(Files.notExists(dir.resolve("a.ndjson")) && Files.notExists(dir.resolve("a.ndjson.part")));

        Outcome cut = VerifyCommandTest.run("download", "--url", url, "--token", TOKEN, "--service", "account",
                "--type", "cut", "--out", dir.resolve("b.ndjson").toString());
        assertEquals(AuditCli.UNREACHABLE, cut.exit(), cut.out() + cut.err());
        assertTrue(cut.err().contains("cut short"), cut.err());
        assertTrue(Files.notExists(dir.resolve("b.ndjson")) && Files.notExists(dir.resolve("b.ndjson.part")));

        Outcome refusedJson = VerifyCommandTest.run("checkpoint", "--url", url, "--token", "wrong", "--service",
                "account", "--out", dir.resolve("cp.json").toString());
        assertEquals(AuditCli.UNREACHABLE, refusedJson.exit(), refusedJson.out() + refusedJson.err());
        assertTrue(refusedJson.err().contains("401 Unauthorized: No valid bearer token. (UNAUTHENTICATED)"),
                refusedJson.err());

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Outcome unreachable = VerifyCommandTest.run("remote-verify", "--url", "http://127.0.0.1:" + closed,
                "--token", TOKEN, "--service", "account");
        assertEquals(AuditCli.UNREACHABLE, unreachable.exit(), unreachable.out() + unreachable.err());

        assertEquals(AuditCli.USAGE, VerifyCommandTest.run("checkpoint", "--url", url, "--token", TOKEN,
                "--service", "payroll", "--out", dir.resolve("x.json").toString()).exit());
    }

    @Test
    @DisplayName("AUD-3: a pinned key.json that differs from the served key is not overwritten (exit 1)")
    void changedKeyIsNotOverwritten() throws IOException {
        Path key = new ExportFixture(1).writeKeyJson(dir.resolve("key.json"));
        String pinned = Files.readString(key);
        Outcome download = VerifyCommandTest.run("download", "--url", url, "--token", TOKEN, "--service", "account",
                "--out", dir.resolve("a.ndjson").toString(), "--key-out", key.toString());
        assertEquals(AuditCli.BROKEN, download.exit(), download.out() + download.err());
        assertTrue(download.err().contains("Not overwritten"), download.err());
        assertEquals(pinned, Files.readString(key));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/problem+json",
                    "{\"type\":\"https://schoolsocial.uk/problems/unauthenticated\","
                    + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"No valid bearer token.\","
                    + "\"code\":\"UNAUTHENTICATED\"}");
            return;
        }
        String method = exchange.getRequestMethod();
        switch (method + " " + path) {
            case "GET /api/v1/audit/account/signing-key" -> send(exchange, 200, "application/json",
                    Files.readString(log.writeKeyJson(dir.resolve("served.json"))));
            case "POST /api/v1/audit/account/checkpoints" -> send(exchange, 201, "application/json",
                    log.checkpoint(20).toString());
            case "GET /api/v1/audit/account/export" -> {
                Map<String, String> parameters = parameters(query);
                long from = Long.parseLong(parameters.getOrDefault("fromSeq", "1"));
                long to = Long.parseLong(parameters.getOrDefault("toSeq", String.valueOf(SIZE)));
                String export = log.export(from, to);
                if ("cut".equals(parameters.get("type"))) {
                    // the connection ended early: lines, but no manifest
                    export = export.substring(0, export.indexOf("{\"manifest\""));
                }
                send(exchange, 200, "application/x-ndjson", export);
            }
            case "POST /api/v1/audit/account/verifications" -> {
                JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
                ObjectNode answer = JSON.createObjectNode();
                answer.put("service", "account");
                if (request != null && request.has("checkpoint")
                        && JSON.readTree(request.get("checkpoint").toString()).equals(
                                JSON.readTree(log.checkpoint(12).toString()))) {
                    answer.put("intact", true);
                    answer.put("checkedEvents", SIZE);
                    answer.put("chainHash", log.checkpoint(SIZE).get("chainHash").asText());
                    answer.put("checkpointMatched", true);
                    answer.set("checkpoint", log.checkpoint(SIZE));
                } else {
                    answer.put("intact", false);
                    answer.put("checkedEvents", 6);
                    ObjectNode broken = answer.putObject("firstBreak");
                    broken.put("problem", "ALTERED");
                    broken.put("seq", 7);
                    broken.put("globalIndex", 9);
                    broken.put("eventId", log.eventId(7));
                    broken.put("detail", "The stored bytes of event " + log.eventId(7) + " are not those that were"
                            + " chained.");
                }
                send(exchange, 200, "application/json", answer.toString());
            }
            default -> send(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
        }
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
