package uk.schoolsocial.platform.input;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.DefaultConstraintValidators;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Optional;

/**
 * Text limits count characters (Unicode code points), in every service: the {@code minLength} and
 * {@code maxLength} of the contracts are JSON Schema's, which count characters, and the contracts
 * promise characters ("up to 102,400 characters", INC-1). The {@code @Size} generated from them would
 * count UTF-16 units, so an emoji counted twice and 51,201 emoji were refused as more than 102,400
 * characters (issue 15). Every {@code @Size} on a text is checked here by code points; every other
 * constraint as Micronaut checks it.
 */
@Singleton
@Replaces(DefaultConstraintValidators.class)
class CharacterCountingValidators extends DefaultConstraintValidators {

    private static final ConstraintValidator<Size, CharSequence> CHARACTERS = (text, size, context) -> {
        if (text == null) {
            return true;
        }
        int characters = Character.codePointCount(text, 0, text.length());
        return characters >= size.intValue("min").orElse(0)
                && characters <= size.intValue("max").orElse(Integer.MAX_VALUE);
    };

    CharacterCountingValidators(@Nullable BeanContext beanContext) {
        super(beanContext);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends Annotation, T> Optional<ConstraintValidator<A, T>> findConstraintValidator(
            Class<A> constraintType, Class<T> targetType) {
        if (constraintType == Size.class && CharSequence.class.isAssignableFrom(targetType)) {
            return Optional.of((ConstraintValidator<A, T>) (ConstraintValidator<?, ?>) CHARACTERS);
        }
        return super.findConstraintValidator(constraintType, targetType);
    }
}
