package uk.schoolsocial.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: in a container every line is one JSON object (logback-json.xml, chosen by the
 * Dockerfile) with the level, logger, message and the request's ids, so a log store can search
 * by correlation id, school or actor; the levels are those of logback.xml.
 */
class JsonLogsTest {

    @Test
    @DisplayName("logback-json.xml writes each line as one JSON object carrying the request's ids")
    void eachLineIsOneJsonObjectWithTheRequestsIds() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(JsonLogsTest.class.getResource("/logback-json.xml"));
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> stdout = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");

        LoggingEvent event = new LoggingEvent("x", context.getLogger("uk.schoolsocial.example"), Level.INFO,
                "appended {} events", null, new Object[] {3});
        event.setMDCPropertyMap(Map.of("correlationId", "corr-1", "school", "school-1", "actor", "slt-1"));
        String line = new String(stdout.getEncoder().encode(event), StandardCharsets.UTF_8);

        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "not one line: " + line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("INFO", json.get("level").asText());
        assertEquals("uk.schoolsocial.example", json.get("loggerName").asText());
        assertEquals("appended 3 events", json.get("formattedMessage").asText());
        assertEquals("corr-1", json.get("mdc").get("correlationId").asText());
        assertEquals("school-1", json.get("mdc").get("school").asText());
        assertEquals("slt-1", json.get("mdc").get("actor").asText());
        assertFalse(json.has("arguments"), "the arguments are logged apart from the message: " + line);
        assertEquals(Level.WARN, context.getLogger("org.axonframework").getLevel(), "levels differ from logback.xml");
    }
}
