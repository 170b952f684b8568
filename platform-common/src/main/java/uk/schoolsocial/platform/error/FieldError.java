package uk.schoolsocial.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One field of a request that is wrong, and why. The field is empty, and still written, for the
 * body as a whole (common.yaml {@code FieldError} requires both): the services' JSON writes every
 * present value, and the gateway's needs to be told so.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record FieldError(String field, String message) {
}
