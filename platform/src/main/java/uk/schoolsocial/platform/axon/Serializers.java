package uk.schoolsocial.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one serializer of events, commands, tokens, sagas and deadlines: Jackson, dates as ISO
 * strings, tolerant of fields it does not know so that an event gaining a field stays readable by
 * older code. Fields are visible (sagas keep private state); public getters stay visible too,
 * because some of Axon's own messages (a deadline's scope descriptor) fill fields lazily and
 * expose them only through a getter. Events and snapshots are written through
 * {@link uk.schoolsocial.platform.privacy.SealingSerializer}, which wraps this one and seals their
 * personal fields per data subject (AUD-4, decision 9).
 */
public final class Serializers {

    private Serializers() {
    }

    public static JacksonSerializer jackson() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
