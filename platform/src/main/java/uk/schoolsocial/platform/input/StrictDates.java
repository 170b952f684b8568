package uk.schoolsocial.platform.input;

import static uk.schoolsocial.platform.input.StrictDeserializers.refused;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * The deserializers {@link StrictDeserializers} puts around Jackson's for days and instants, kept
 * apart because their rules are the contract's own: one way of writing each (RFC 3339, which
 * Jackson's lenient parsers go beyond) and the ranges of {@link InputRules}, so that what is read
 * is what the database can store.
 */
final class StrictDates {

    /** RFC 3339's full-date: exactly four digits of year, so no "+12026-01-01". */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** RFC 3339's date-time: seconds and an offset required, fractions up to nanoseconds. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private StrictDates() {
    }

    /** A JSON string {@code YYYY-MM-DD}, a real day from 1900 to 9999. */
    static final class CheckedDate extends DelegatingDeserializer {

        CheckedDate(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CheckedDate(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING) || !DATE.matcher(parser.getText()).matches()) {
                throw refused(parser, InputRules.DATE_MESSAGE, LocalDate.class);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(parser.getText(), DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException notADay) {
                throw refused(parser, InputRules.DATE_MESSAGE, LocalDate.class);
            }
            if (!InputRules.inRange(date)) {
                throw refused(parser, InputRules.DATE_MESSAGE, LocalDate.class);
            }
            return super.deserialize(parser, context);
        }
    }

    /** A JSON string in RFC 3339's date-time, an instant a TIMESTAMP column stores. */
    static final class CheckedInstant extends DelegatingDeserializer {

        CheckedInstant(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CheckedInstant(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Class<?> type = handledType();
            if (!parser.hasToken(JsonToken.VALUE_STRING) || !DATE_TIME.matcher(parser.getText()).matches()) {
                throw refused(parser, InputRules.INSTANT_MESSAGE, type);
            }
            Instant instant;
            try {
                TemporalAccessor parsed = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(parser.getText());
                instant = Instant.from(parsed);
            } catch (DateTimeParseException notATime) {
                throw refused(parser, InputRules.INSTANT_MESSAGE, type);
            }
            if (!InputRules.inRange(instant)) {
                throw refused(parser, InputRules.INSTANT_MESSAGE, type);
            }
            return super.deserialize(parser, context);
        }
    }
}
