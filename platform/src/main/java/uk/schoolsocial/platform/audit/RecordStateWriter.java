package uk.schoolsocial.platform.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.util.NameTransformer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Collection;
import java.util.Map;
import org.axonframework.modelling.command.AggregateMember;

/**
 * How a rebuilt aggregate shows as "the record as of any moment" (AUD-2): its fields, whatever their
 * visibility, with a single {@link AggregateMember}'s fields at the top level as if they were the root's,
 * so splitting an aggregate into members neither changes the record nor needs Jackson annotations in
 * domain code. A member that is a collection or map of entities stays a field of its own.
 */
public final class RecordStateWriter {

    private static final ObjectMapper WRITER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setAnnotationIntrospector(new MembersAtTopLevel())
            // A member's field named like the root's or another member's would otherwise drop one value silently.
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private RecordStateWriter() {
    }

    /** The aggregate's fields as JSON, its single members' fields among the root's. */
    public static JsonNode state(Object aggregateRoot) {
        try {
            return WRITER.valueToTree(aggregateRoot);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A " + aggregateRoot.getClass().getSimpleName() + " cannot show as one record:"
                    + " two of its parts (the root or a member) have a field of the same name", e);
        }
    }

    /** A field annotated {@link AggregateMember} that holds one entity is unwrapped, as {@code @JsonUnwrapped} would. */
    private static final class MembersAtTopLevel extends JacksonAnnotationIntrospector {

        @Override
        public NameTransformer findUnwrappingNameTransformer(AnnotatedMember member) {
            if (member instanceof AnnotatedField field && field.getAnnotated().isAnnotationPresent(AggregateMember.class)
                    && !Collection.class.isAssignableFrom(field.getRawType())
                    && !Map.class.isAssignableFrom(field.getRawType())) {
                return NameTransformer.NOP;
            }
            return super.findUnwrappingNameTransformer(member);
        }
    }
}
