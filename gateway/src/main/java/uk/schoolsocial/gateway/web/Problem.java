package uk.schoolsocial.gateway.web;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem document, the body of every error the gateway answers itself.
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title  the status' short, human-readable summary
 * @param status the HTTP status code
 * @param detail what went wrong with this request
 */
@Serdeable
public record Problem(String type, String title, int status, String detail) {
}
