package uk.schoolsocial.consent.publication.web;

import java.util.List;
import java.util.UUID;
import uk.schoolsocial.consent.api.model.Advice;
import uk.schoolsocial.consent.api.model.AdviceCode;
import uk.schoolsocial.consent.api.model.CheckReason;
import uk.schoolsocial.consent.api.model.CheckReasonCode;
import uk.schoolsocial.consent.api.model.PublicationCheckRequest;
import uk.schoolsocial.consent.api.model.PublicationCheckResult;
import uk.schoolsocial.consent.api.model.RegisterPublicationRequest;
import uk.schoolsocial.consent.publication.query.GoodPractice;
import uk.schoolsocial.consent.publication.query.PublicationContent;
import uk.schoolsocial.consent.publication.query.Verdict;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;

/** API model to content and verdict to API model (CON-4). */
final class PublicationMapper {

    private PublicationMapper() {
    }

    static PublicationContent content(ConsentChannel channel, UUID officialAccountId, List<String> pupilIds,
                                      String caption, String altText) {
        if (channel == ConsentChannel.OFFICIAL_SOCIAL_MEDIA && officialAccountId == null) {
            throw new DomainException(PlatformError.VALIDATION_FAILED,
                    "officialAccountId: is required for OFFICIAL_SOCIAL_MEDIA",
                    List.of(new FieldError("officialAccountId", "is required for OFFICIAL_SOCIAL_MEDIA")));
        }
        return new PublicationContent(channel, officialAccountId == null ? null : officialAccountId.toString(),
                pupilIds, caption, altText);
    }

    static PublicationContent content(PublicationCheckRequest request) {
        return content(ConsentChannel.valueOf(request.getChannel().getValue()), request.getOfficialAccountId(),
                request.getPupilIds().stream().toList(), request.getCaption(), request.getAltText());
    }

    static PublicationContent content(RegisterPublicationRequest request) {
        return content(ConsentChannel.valueOf(request.getChannel().getValue()), request.getOfficialAccountId(),
                request.getPupilIds().stream().toList(), request.getCaption(), request.getAltText());
    }

    static PublicationCheckResult toApi(Verdict verdict, PublicationContent content) {
        List<CheckReason> reasons = verdict.reasons().stream().map(reason -> {
            CheckReason api = new CheckReason(CheckReasonCode.fromValue(reason.code()), reason.detail());
            api.setPupilId(reason.pupilId());
            api.setField(reason.field());
            return api;
        }).toList();
        List<Advice> advice = GoodPractice.advice(content).stream()
                .map(prompt -> new Advice(AdviceCode.fromValue(prompt.code()), prompt.message())).toList();
        return new PublicationCheckResult(verdict.allowed(), verdict.checkId(), reasons, advice);
    }
}
