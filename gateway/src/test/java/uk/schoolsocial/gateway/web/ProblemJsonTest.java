package uk.schoolsocial.gateway.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.error.FieldError;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway's own problems, written as the gateway writes them (Micronaut Serialization) with
 * platform's shared records: no {@code instance}, nothing empty, and a field of {@code ""} still
 * written for the body as a whole (common.yaml requires it).
 */
class ProblemJsonTest {

    private final ObjectMapper json = ObjectMapper.getDefault();

    @Test
    void statusProblemHasTypeTitleStatusDetailAndCodeOnly() throws IOException {
        assertEquals("{\"type\":\"https://schoolsocial.uk/problems/bad-gateway\",\"title\":\"Bad Gateway\","
                        + "\"status\":502,\"detail\":\"The account service cannot be reached.\","
                        + "\"code\":\"BAD_GATEWAY\"}",
                json.writeValueAsString(Problems.of(HttpStatus.BAD_GATEWAY, "The account service cannot be reached.")));
    }

    @Test
    void tooLargeNamesTheBodyAsTheEmptyField() throws IOException {
        assertEquals("{\"type\":\"https://schoolsocial.uk/problems/payload-too-large\","
                        + "\"title\":\"Request Entity Too Large\",\"status\":413,\"detail\":\"too big\",\"code\":\"PAYLOAD_TOO_LARGE\","
                        + "\"errors\":[{\"field\":\"\",\"message\":\"must be at most 10 bytes\"}]}",
                json.writeValueAsString(Problems.tooLarge("too big", 10).body()));
    }

    @Test
    void invalidNamesEveryField() throws IOException {
        assertEquals("{\"type\":\"https://schoolsocial.uk/problems/validation\",\"title\":\"Bad Request\","
                        + "\"status\":400,\"detail\":\"limit: must be a whole number\",\"code\":\"VALIDATION_FAILED\","
                        + "\"errors\":[{\"field\":\"limit\",\"message\":\"must be a whole number\"}]}",
                json.writeValueAsString(Problems.invalid(List.of(new FieldError("limit", "must be a whole number")))
                        .body()));
    }
}
