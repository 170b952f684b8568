package uk.schoolsocial.e2e.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request being generated: valid at first, then changed by one mutation, which names itself in {@link #label}. */
final class RequestDraft {

    String label = "valid";
    final String user;
    /** Percent-encoded values by parameter name. */
    final Map<String, String> path = new LinkedHashMap<>();
    final List<Map.Entry<String, String>> query = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    /** The body as values for {@link JsonText}, unless {@link #rawBody} replaces it with bytes. */
    Object body;
    byte[] rawBody;
    /** Whether the raw body holds text that no stored text should (invalid UTF-8). */
    boolean badText;

    RequestDraft(String user) {
        this.user = user;
    }
}
