package uk.schoolsocial.platform.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import uk.schoolsocial.events.AuditMetadata;

/**
 * Turns each event on the service's allow-list ({@link WebhookEvents}) into one delivery per
 * subscription to its type (INT-1, decision 12). Runs in a pooled streaming processor of its own,
 * so the rows are written in the transaction of its token update: made once, in event order; an
 * event handled again (at-least-once) finds its rows there already. Subscriptions made after the
 * event do not get it, and a replay makes none ({@link DisallowReplay}).
 */
@Singleton
@ProcessingGroup(WebhookOutbox.GROUP)
@DisallowReplay
public class WebhookOutbox {

    public static final String GROUP = "webhooks";

    private final TransactionOperations<Connection> transactions;
    private final WebhookStore store;
    private final List<WebhookEvents> allowList;
    private final ObjectMapper json = new ObjectMapper();

    WebhookOutbox(TransactionOperations<Connection> transactions, WebhookStore store, List<WebhookEvents> allowList) {
        this.transactions = transactions;
        this.store = store;
        this.allowList = allowList;
    }

    @EventHandler
    void on(EventMessage<?> event) throws SQLException {
        // Type, school and subscriptions before the payload: most events of most schools go to no one, and
        // reading a payload deserialises and unseals it (issue 13: a fifth of the service's CPU went here).
        Object school = event.getMetaData().get(AuditMetadata.SCHOOL_ID);
        if (school == null || allowList.stream().noneMatch(events -> events.lists(event.getPayloadType()))) {
            return;
        }
        Connection connection = transactions.getConnection();
        List<WebhookStore.Subscription> subscriptions = store.subscriptions(connection, school.toString(),
                event.getTimestamp());
        if (subscriptions.isEmpty()) {
            return;
        }
        Object payload = event.getPayload();
        Optional<WebhookEvent> webhook = allowList.stream().map(events -> events.of(payload))
                .flatMap(Optional::stream).findFirst();
        if (webhook.isEmpty()) {
            return;
        }
        WebhookEvent hook = webhook.get();
        for (WebhookStore.Subscription subscription : subscriptions) {
            if (!subscription.hears(hook.type())) {
                continue;
            }
            // The same id however often the event is handled: the row is the event's for this subscription.
            String deliveryId = UUID.nameUUIDFromBytes((subscription.id() + "/" + event.getIdentifier())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            store.addDelivery(connection, deliveryId, subscription, event.getIdentifier(), hook.type(),
                    hook.recordId(), body(hook, school.toString(), event), event.getTimestamp());
        }
    }

    /** The Standard Webhooks payload: {@code type}, {@code timestamp}, {@code data}; ids, statuses and a link only. */
    private String body(WebhookEvent hook, String school, EventMessage<?> event) {
        ObjectNode body = json.createObjectNode();
        body.put("type", hook.type().wireName());
        body.put("timestamp", event.getTimestamp().toString());
        ObjectNode data = body.putObject("data");
        data.put("schoolId", school);
        data.put("eventId", event.getIdentifier());
        data.put("recordId", hook.recordId());
        if (event instanceof DomainEventMessage<?> domain) {
            // The record's own order: a subscriber can tell a redelivered old event from a newer one.
            data.put("sequence", domain.getSequenceNumber());
        }
        data.put("status", hook.status());
        hook.facts().forEach(data::put);
        data.put("link", hook.link());
        return body.toString();
    }
}
