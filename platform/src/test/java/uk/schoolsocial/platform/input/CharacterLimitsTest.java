package uk.schoolsocial.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.validation.validator.Validator;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;

/**
 * INC-1 and every contract's {@code maxLength}: in any service, a {@code @Size} on a text counts
 * characters, not UTF-16 units, so four emoji are four characters, not eight.
 */
class CharacterLimitsTest {

    @Introspected
    record Note(@Size(min = 2, max = 4) String text) {
    }

    @Test
    void inc1_aTextLimitCountsCharactersInEveryService() {
        try (ApplicationContext context = ApplicationContext.run(
                PlatformAxonContext.properties(TestDatabase.newSchema("characters")))) {
            Validator validator = context.getBean(Validator.class);
            assertEquals(0, validator.validate(new Note("😀😀😀😀")).size(), "four characters");
            assertEquals(1, validator.validate(new Note("😀😀😀😀😀")).size(), "five characters");
            assertEquals(1, validator.validate(new Note("😀")).size(), "one character, though two UTF-16 units");
            assertEquals(0, validator.validate(new Note("ab")).size());
        }
    }
}
