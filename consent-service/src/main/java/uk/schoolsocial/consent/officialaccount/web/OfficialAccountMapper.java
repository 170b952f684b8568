package uk.schoolsocial.consent.officialaccount.web;

import java.time.ZoneOffset;
import java.util.UUID;
import uk.schoolsocial.consent.api.model.KnownOfficialAccount;
import uk.schoolsocial.consent.api.model.OfficialAccountStatus;
import uk.schoolsocial.consent.api.model.Platform;
import uk.schoolsocial.consent.officialaccount.query.OfficialAccountView;

/** Read model to API model. */
final class OfficialAccountMapper {

    private OfficialAccountMapper() {
    }

    static KnownOfficialAccount toApi(OfficialAccountView view) {
        KnownOfficialAccount api = new KnownOfficialAccount(UUID.fromString(view.id()), OfficialAccountStatus.fromValue(view.status()),
                Platform.fromValue(view.platform()), view.name(), view.submittedAt().atZone(ZoneOffset.UTC));
        api.setHandle(view.handle());
        if (view.withdrawnAt() != null) {
            api.setWithdrawnAt(view.withdrawnAt().atZone(ZoneOffset.UTC));
        }
        return api;
    }
}
