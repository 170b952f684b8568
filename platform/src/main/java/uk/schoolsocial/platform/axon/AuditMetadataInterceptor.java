package uk.schoolsocial.platform.axon;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import uk.schoolsocial.events.AuditMetadata;

/**
 * Refuses to dispatch a message that lacks the audit metadata of AUD-1. On the command bus it
 * requires who and for which school; on the event bus every key of {@link AuditMetadata#REQUIRED}.
 * A missing key is a programming error, so it fails loudly rather than writing an anonymous event.
 */
final class AuditMetadataInterceptor<M extends Message<?>> implements MessageDispatchInterceptor<M> {

    private final List<String> required;

    private AuditMetadataInterceptor(List<String> required) {
        this.required = required;
    }

    static <M extends Message<?>> AuditMetadataInterceptor<M> forCommands() {
        return new AuditMetadataInterceptor<>(List.of(AuditMetadata.ACTOR_ID, AuditMetadata.ACTOR_ROLES,
                AuditMetadata.SCHOOL_ID, AuditMetadata.CORRELATION_ID));
    }

    static <M extends Message<?>> AuditMetadataInterceptor<M> forEvents() {
        return new AuditMetadataInterceptor<>(AuditMetadata.REQUIRED);
    }

    @Override
    public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
        return (index, message) -> {
            for (String key : required) {
                Object value = message.getMetaData().get(key);
                if (value == null || value.toString().isBlank()) {
                    throw new MissingAuditMetadataException(message.getPayloadType().getName(), key);
                }
            }
            return message;
        };
    }
}
