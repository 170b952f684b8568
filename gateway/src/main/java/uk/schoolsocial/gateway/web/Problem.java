package uk.schoolsocial.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error the gateway answers itself.
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title  the status' short, human-readable summary
 * @param status the HTTP status code
 * @param detail what went wrong with this request
 * @param code   a stable machine-readable code, as the services give ({@code VALIDATION_FAILED}); absent
 *               when the status says it all
 * @param errors every wrong field of the request, when the problem is about its content
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, @Nullable String code,
                      @Nullable List<FieldError> errors) {

    /**
     * One wrong field of a request (a query parameter, ...) and what is wrong with it; the field is
     * empty, and still written, for the body as a whole.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldError(String field, String message) {
    }
}
