package uk.schoolsocial.account.response.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import uk.schoolsocial.account.api.model.AccountMessage;
import uk.schoolsocial.account.api.model.HolidayPeriod;
import uk.schoolsocial.account.api.model.MessageChannel;
import uk.schoolsocial.account.api.model.MessageStatus;
import uk.schoolsocial.account.api.model.MessageType;
import uk.schoolsocial.account.api.model.SchoolHolidays;
import uk.schoolsocial.account.response.query.AccountMessageView;
import uk.schoolsocial.account.response.query.SchoolHolidayLookup;

/** Read model to API model. */
final class MessageMapper {

    private MessageMapper() {
    }

    /**
     * The summary and answer of an erased message are null and so absent (AUD-4).
     *
     * @param now the moment {@code breached} is judged at
     */
    static AccountMessage toApi(AccountMessageView view, Instant now) {
        AccountMessage api = new AccountMessage(UUID.fromString(view.id()), UUID.fromString(view.accountId()),
                view.version(), MessageType.fromValue(view.type()), MessageChannel.fromValue(view.channel()),
                view.receivedAt().atZone(ZoneOffset.UTC), view.loggedBy(),
                view.loggedAt().atZone(ZoneOffset.UTC), view.dueAt().atZone(ZoneOffset.UTC),
                view.answeredAt() == null ? MessageStatus.OPEN : MessageStatus.ANSWERED, view.breached(now));
        if (view.answeredAt() != null) {
            api.setAnsweredAt(view.answeredAt().atZone(ZoneOffset.UTC));
        }
        api.setSummary(view.summary());
        api.setAnsweredBy(view.answeredBy());
        api.setAnswer(view.answer());
        return api;
    }

    static SchoolHolidays toApi(SchoolHolidayLookup row) {
        SchoolHolidays api = new SchoolHolidays(row.holidays().stream()
                .map(h -> new HolidayPeriod(h.firstDay(), h.lastDay(), h.name())).toList());
        api.setVersion(row.version());
        api.setUpdatedAt(row.updatedAt().atZone(ZoneOffset.UTC));
        return api;
    }
}
