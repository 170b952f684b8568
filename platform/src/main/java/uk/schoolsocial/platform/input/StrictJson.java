package uk.schoolsocial.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * The service's JSON reader takes a body exactly as the contract writes it (issue 11; "Input
 * rules" in {@code common.yaml}): no coercion between JSON types ({@code "1"} is not a number,
 * {@code 1} not a string or a boolean, {@code ["X"]} not {@code "X"}, {@code {...}} not
 * {@code [{...}]}), no unknown fields (every request schema says {@code additionalProperties:
 * false}), no field twice, nothing after the body, and the rules of {@link StrictDeserializers}.
 * A field given as {@code null} counts as absent. Micronaut's own defaults are lenient (it turns on
 * single values as arrays and the reverse), so this runs on the mapper Micronaut builds.
 */
@Singleton
final class StrictJson implements BeanCreatedEventListener<ObjectMapper> {

    @Override
    public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
        return configure(event.getBean());
    }

    /** Makes {@code mapper} strict; public to tests that read JSON as a service does. */
    @SuppressWarnings("deprecation") // MapperFeature and JsonParser.Feature are configured on the built mapper
    static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.setDefaultLeniency(Boolean.FALSE);
        // A value of another JSON type than the target's is refused, whatever the target; a JSON
        // number still fills a decimal.
        for (CoercionInputShape shape : CoercionInputShape.values()) {
            mapper.coercionConfigDefaults().setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(Boolean.FALSE);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.registerModule(new SimpleModule("school-social-strict-input").setDeserializerModifier(
                new StrictDeserializers()));
        return mapper;
    }
}
