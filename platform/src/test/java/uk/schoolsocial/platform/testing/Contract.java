package uk.schoolsocial.platform.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

/** REST Assured filters that check each exchange against a service's OpenAPI document. */
public final class Contract {

    private Contract() {
    }

    /** Request and response must both match the document. */
    public static OpenApiValidationFilter of(String specPath) {
        return new OpenApiValidationFilter(specPath);
    }

    /** Only the response must match: for tests that send bad input on purpose. */
    public static OpenApiValidationFilter responsesOf(String specPath) {
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForSpecificationUrl(specPath)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }
}
