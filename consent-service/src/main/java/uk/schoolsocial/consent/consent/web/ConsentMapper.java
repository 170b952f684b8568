package uk.schoolsocial.consent.consent.web;

import java.time.ZoneOffset;
import uk.schoolsocial.consent.api.model.Consent;
import uk.schoolsocial.consent.api.model.PublicationChannel;
import uk.schoolsocial.consent.api.model.PupilConsents;
import uk.schoolsocial.consent.api.model.SigningMethod;
import uk.schoolsocial.consent.consent.query.ChannelConsentView;
import uk.schoolsocial.consent.consent.query.PupilConsentView;

/** Read model to API model. */
final class ConsentMapper {

    private ConsentMapper() {
    }

    static PupilConsents toApi(PupilConsentView pupil) {
        PupilConsents api = new PupilConsents(pupil.pupilId(), pupil.pupil().yearGroup(), pupil.version(),
                pupil.channels().stream().map(ConsentMapper::toApi).toList());
        api.setLeavingDate(pupil.pupil().leftOn());
        if (pupil.pupil().objectedAt() != null) {
            api.setObjectedAt(pupil.pupil().objectedAt().atZone(ZoneOffset.UTC));
        }
        return api;
    }

    private static Consent toApi(ChannelConsentView view) {
        Consent api = new Consent(PublicationChannel.fromValue(view.channel()), view.givenBy(),
                SigningMethod.fromValue(view.method()), view.givenOn(), view.validUntil(),
                view.recordedAt().atZone(ZoneOffset.UTC));
        api.setFormReference(view.formReference());
        return api;
    }
}
