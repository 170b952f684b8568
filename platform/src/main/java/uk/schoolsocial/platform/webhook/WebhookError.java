package uk.schoolsocial.platform.webhook;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Refusals of the webhook API (INT-1). */
public enum WebhookError implements ErrorCode {
    /** The URL is not https, or its host is (or resolves to) a private, loopback or link-local address. */
    WEBHOOK_URL_REFUSED(ErrorKind.RULE_VIOLATED),
    /** A type the subscriber's roles may not read the records of. */
    WEBHOOK_TYPE_NOT_ALLOWED(ErrorKind.RULE_VIOLATED),
    /** The same subscription id with another URL, types or secret. */
    WEBHOOK_SUBSCRIPTION_EXISTS(ErrorKind.CONFLICT);

    private final ErrorKind kind;

    WebhookError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
