package uk.schoolsocial.auditcli.remote;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import uk.schoolsocial.auditcli.api.IntegrityApi;
import uk.schoolsocial.auditcli.api.model.Problem;
import uk.schoolsocial.auditcli.verify.OfflineVerifier;

/**
 * The suite as the auditor's tool reaches it: the JSON calls through the client generated from
 * {@code audit.yaml} (a Micronaut declarative client, in a small application context), and the
 * NDJSON export through {@link java.net.http.HttpClient}, streamed to disk, because the generated
 * client would read the whole export into one String.
 */
public final class SuiteConnection implements AutoCloseable {

    static final String CLIENT_ID = "audit";
    static final String TOKEN_PROPERTY = "audit-cli.token";

    private final String url;
    private final String token;
    private final String service;
    private ApplicationContext context;

    public SuiteConnection(String url, String token, String service) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7).trim() : token.trim();
        this.service = service;
    }

    /** The generated client of the integrity operations (signing key, checkpoints, verifications). */
    public IntegrityApi integrity() {
        return context().getBean(IntegrityApi.class);
    }

    /** Calls the suite; what the suite answered, or why it could not be asked, as a {@link SuiteException}. */
    public <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpClientResponseException e) {
            throw new SuiteException(what + ": the suite answered " + e.getStatus().getCode() + " "
                    + e.getStatus().getReason() + problem(e.getResponse()), e);
        } catch (HttpClientException e) {
            throw new SuiteException(what + ": could not reach " + url + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Streams {@code GET /api/v1/audit/{service}/export} to {@code out} through a {@code .part} file
     * that becomes {@code out} only once the whole answer has arrived. The number of bytes written.
     */
    public long export(Map<String, Object> query, Path out) {
        return export(query, out, (lines, bytes) -> { });
    }

    /** Where a download stands: lines (events) and bytes written. */
    public interface Listener {
        void at(long lines, long bytes);
    }

    /** As {@link #export(Map, Path)}, telling {@code listener} as the bytes arrive. */
    public long export(Map<String, Object> query, Path out, Listener listener) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (value != null) {
                parameters.put(name, value);
            }
        });
        StringBuilder uri = new StringBuilder(url).append("/api/v1/audit/").append(encode(service)).append("/export");
        char separator = '?';
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=')
                    .append(encode(String.valueOf(parameter.getValue())));
            separator = '&';
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(uri.toString()))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/x-ndjson, application/problem+json")
                    .GET().build();
        } catch (IllegalArgumentException e) {
            throw new SuiteException("Not a URL: " + uri, e);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try {
            java.net.http.HttpResponse<InputStream> response = http.send(request, BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
                    throw new SuiteException("Export: the suite answered " + response.statusCode() + problemText(text));
                }
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                long written;
                try (OutputStream file = Files.newOutputStream(part)) {
                    byte[] buffer = new byte[1 << 16];
                    long bytes = 0;
                    long lines = 0;
                    int read;
                    while ((read = body.read(buffer)) != -1) {
                        file.write(buffer, 0, read);
                        bytes += read;
                        for (int i = 0; i < read; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                        listener.at(lines, bytes);
                    }
                    written = bytes;
                }
                if (OfflineVerifier.readManifest(part) == null) {
                    throw new SuiteException("Export: the answer (" + written + " bytes) ends without a manifest"
                            + " line: it was cut short. Nothing was written to " + out);
                }
                Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return written;
            }
        } catch (IOException e) {
            throw new SuiteException("Export: could not download from " + url + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteException("Export: interrupted", e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // the .part file stays; nothing else to do
            }
        }
    }

    private ApplicationContext context() {
        if (context == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("micronaut.http.services." + CLIENT_ID + ".url", url);
            // a verification recomputes the whole chain: give it time
            properties.put("micronaut.http.services." + CLIENT_ID + ".read-timeout", "10m");
            properties.put(TOKEN_PROPERTY, token);
            context = ApplicationContext.builder().deduceEnvironment(false).banner(false)
                    .properties(properties).start();
        }
        return context;
    }

    private static String problem(HttpResponse<?> response) {
        try {
            return response.getBody(Problem.class)
                    .map(p -> ": " + (p.getDetail() != null ? p.getDetail() : p.getTitle())
                            + (p.getCode() != null ? " (" + p.getCode() + ")" : ""))
                    .orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String problemText(String body) {
        String trimmed = body.strip();
        return trimmed.isEmpty() ? "" : ": " + (trimmed.length() > 500 ? trimmed.substring(0, 500) + "..." : trimmed);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
