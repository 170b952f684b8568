package uk.schoolsocial.platform.webhook;

import java.util.Map;

/**
 * What a subscriber is told of one event: its type, the record, its status and where to read it.
 * Ids, types and statuses only, never free text or names (INT-1): {@code facts} hold enum values
 * such as a consent channel.
 *
 * @param recordId the aggregate's id, as the link's path has it
 * @param link     the API resource, relative to the gateway: {@code /api/v1/...}
 */
public record WebhookEvent(WebhookType type, String recordId, String status, String link, Map<String, String> facts) {

    public WebhookEvent {
        facts = Map.copyOf(facts);
    }

    public static WebhookEvent of(WebhookType type, String recordId, String status, String link) {
        return new WebhookEvent(type, recordId, status, link, Map.of());
    }
}
