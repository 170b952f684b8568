package uk.schoolsocial.consent.webhook;

import jakarta.inject.Singleton;
import java.util.Map;
import uk.schoolsocial.events.consent.ConsentGivenEvent;
import uk.schoolsocial.events.consent.ConsentWithdrawnEvent;
import uk.schoolsocial.events.consent.PublicationRegisteredEvent;
import uk.schoolsocial.events.consent.PublicationTakenDownEvent;
import uk.schoolsocial.events.consent.PupilObjectionRecordedEvent;
import uk.schoolsocial.platform.webhook.WebhookAllowList;
import uk.schoolsocial.platform.webhook.WebhookEvent;
import uk.schoolsocial.platform.webhook.WebhookType;

/**
 * consent-service's events that subscribers hear of (INT-1, decision 12): consent given or
 * withdrawn per channel (CON-1, CON-3), a pupil's objection (CON-2), a publication registered or
 * taken down (CON-5). The pupil's id and the channel, never a form reference, reason, note, or
 * the pupils a publication features.
 */
@Singleton
class ConsentWebhooks extends WebhookAllowList {

    ConsentWebhooks() {
        on(ConsentGivenEvent.class, e -> consent(WebhookType.CONSENT_GIVEN, e.pupilId(), "GIVEN", e.channel().name()));
        on(ConsentWithdrawnEvent.class,
                e -> consent(WebhookType.CONSENT_WITHDRAWN, e.pupilId(), "WITHDRAWN", e.channel().name()));
        on(PupilObjectionRecordedEvent.class, e -> WebhookEvent.of(WebhookType.OBJECTION_RECORDED, e.pupilId(),
                "OBJECTED", "/api/v1/pupils/" + e.pupilId() + "/consents"));
        on(PublicationRegisteredEvent.class, e -> new WebhookEvent(WebhookType.PUBLICATION_REGISTERED,
                e.publicationId(), "PUBLISHED", "/api/v1/consents/publications",
                Map.of("channel", e.channel().name())));
        on(PublicationTakenDownEvent.class, e -> WebhookEvent.of(WebhookType.PUBLICATION_TAKEN_DOWN, e.publicationId(),
                "TAKEN_DOWN", "/api/v1/consents/takedowns"));
    }

    private static WebhookEvent consent(WebhookType type, String pupilId, String status, String channel) {
        return new WebhookEvent(type, pupilId, status, "/api/v1/pupils/" + pupilId + "/consents/" + channel,
                Map.of("channel", channel));
    }
}
