package uk.schoolsocial.consent.consent.web;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import uk.schoolsocial.consent.api.model.RecordConsentRequest;
import uk.schoolsocial.consent.consent.command.AcademicYears;
import uk.schoolsocial.consent.consent.command.ConsentForm;
import uk.schoolsocial.events.consent.ConsentMethod;
import uk.schoolsocial.platform.error.FieldError;

/** Reports each broken rule of {@link ConsentForm#rulesBetweenFields} against the field it concerns. */
@Singleton
class ConsentRulesValidator implements ConstraintValidator<ConsentRules, RecordConsentRequest> {

    private final AcademicYears academicYears;
    private final Clock clock;

    ConsentRulesValidator(AcademicYears academicYears, Clock clock) {
        this.academicYears = academicYears;
        this.clock = clock;
    }

    @Override
    public boolean isValid(RecordConsentRequest request, AnnotationValue<ConsentRules> annotation,
                           ConstraintValidatorContext context) {
        if (request == null) {
            return true;
        }
        ConsentMethod method = request.getMethod() == null ? null : ConsentMethod.valueOf(request.getMethod().getValue());
        List<FieldError> broken = ConsentForm.rulesBetweenFields(method, request.getFormReference(),
                request.getGivenOn(), request.getValidUntil(), academicYears.today(clock));
        if (broken.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        broken.forEach(error -> context.buildConstraintViolationWithTemplate(error.message())
                .addPropertyNode(error.field())
                .addConstraintViolation());
        return false;
    }
}
