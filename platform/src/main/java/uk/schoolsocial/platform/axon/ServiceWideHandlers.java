package uk.schoolsocial.platform.axon;

import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.StreamableMessageSource;
import uk.schoolsocial.platform.privacy.erasure.ErasureProjection;
import uk.schoolsocial.platform.privacy.erasure.ErasureScopes;
import uk.schoolsocial.platform.privacy.erasure.LegalHold;
import uk.schoolsocial.platform.privacy.erasure.LegalHolds;
import uk.schoolsocial.platform.privacy.erasure.RetentionPeriods;
import uk.schoolsocial.platform.privacy.erasure.RetentionSetting;
import uk.schoolsocial.platform.privacy.erasure.SubjectErasure;
import uk.schoolsocial.platform.webhook.WebhookOutbox;

/**
 * The aggregates and handlers that {@link AxonInfrastructure#configurer()} gives every service, so
 * that none registers them itself: erasure, retention and legal holds (AUD-4) and the webhook
 * outbox (INT-1). Apart from the infrastructure because they are features every service shares,
 * not the plumbing of Axon.
 */
@Singleton
class ServiceWideHandlers {

    private final ErasureScopes erasureScopes;
    private final ErasureProjection erasures;
    private final RetentionPeriods retentionPeriods;
    private final LegalHolds legalHolds;
    private final WebhookOutbox webhooks;

    ServiceWideHandlers(ErasureScopes erasureScopes, ErasureProjection erasures, RetentionPeriods retentionPeriods,
                        LegalHolds legalHolds, WebhookOutbox webhooks) {
        this.erasureScopes = erasureScopes;
        this.erasures = erasures;
        this.retentionPeriods = retentionPeriods;
        this.legalHolds = legalHolds;
        this.webhooks = webhooks;
    }

    /** Needs the {@link LocalCommitNotifyingSource} component that the configurer already holds. */
    void register(Configurer configurer) {
        // AUD-4: every service erases its data subjects the same way; the keys go in the event's transaction.
        configurer.configureAggregate(SubjectErasure.class);
        configurer.configureAggregate(RetentionSetting.class);
        configurer.configureAggregate(LegalHold.class);
        configurer.registerComponent(ErasureScopes.class, c -> erasureScopes);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(ErasureProjection.GROUP)
                .registerEventHandler(c -> erasures)
                .registerSubscribingEventProcessor(RetentionPeriods.GROUP)
                .registerEventHandler(c -> retentionPeriods)
                .registerEventHandler(c -> legalHolds);
        // INT-1: signed webhooks, written as deliveries in the transaction of this processor's token
        // update (decision 12); from the head of the stream, so a new deployment does not scan its history.
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(WebhookOutbox.GROUP,
                        c -> c.getComponent(LocalCommitNotifyingSource.class),
                        (c, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken))
                .registerEventHandler(c -> webhooks);
    }
}
