package uk.schoolsocial.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value of a JSON body that breaks a rule of {@link StrictJson}, with a reason meant for the
 * client: Jackson adds the path of the value as the exception travels out of the body, and the
 * error handler names the field with it.
 */
public final class InputRefused extends MismatchedInputException {

    private final String reason;

    InputRefused(JsonParser parser, String reason, Class<?> targetType) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    /** What is wrong with the value, for the client ("must be a string"). */
    public String reason() {
        return reason;
    }
}
