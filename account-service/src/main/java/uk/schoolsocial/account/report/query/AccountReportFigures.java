package uk.schoolsocial.account.report.query;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import uk.schoolsocial.account.official.query.AccountView;
import uk.schoolsocial.account.official.query.AccountViewRepository;
import uk.schoolsocial.account.official.query.HandoverView;
import uk.schoolsocial.account.official.query.HandoverViewRepository;
import uk.schoolsocial.account.response.query.AccountMessageView;
import uk.schoolsocial.account.response.query.AccountMessageViewRepository;
import uk.schoolsocial.platform.report.Durations;
import uk.schoolsocial.platform.report.ReportPeriod;

/**
 * The account-service's figures for the governors' report (account.yaml
 * {@code getAccountReportFigures}): counts and durations over the read models, never a name, a
 * handle or a message. Accounts and handovers as they stand now; messages received in the period.
 */
@Singleton
public class AccountReportFigures {

    private final AccountViewRepository accounts;
    private final HandoverViewRepository handovers;
    private final AccountMessageViewRepository messages;
    private final Clock clock;

    AccountReportFigures(AccountViewRepository accounts, HandoverViewRepository handovers,
                         AccountMessageViewRepository messages, Clock clock) {
        this.accounts = accounts;
        this.handovers = handovers;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the report shows of the official accounts. */
    public record Figures(Accounts accounts, long handoversOpen, long handoversOverdue, Responses responses) {
    }

    /** ACC-4, ACC-5, ACC-9: the accounts by status, overdue reviews, administrators out of date. */
    public record Accounts(long live, long suspended, long provisioned, long closed, long reviewsOverdue,
                           long flagged, long administratorsOutOfDate) {
    }

    /** ACC-8: messages received in the period and how they were answered. */
    public record Responses(long received, long answeredInTime, long breaches, long open, Durations timeToAnswer) {
    }

    public Figures of(String schoolId, ReportPeriod period) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<AccountView> all = accounts.findBySchoolId(schoolId);
        List<AccountView> notClosed = all.stream().filter(a -> !"CLOSED".equals(a.status())).toList();
        Accounts state = new Accounts(status(all, "LIVE"), status(all, "SUSPENDED"), status(all, "PROVISIONED"),
                status(all, "CLOSED"),
                notClosed.stream().filter(a -> a.reviewDue() != null && a.reviewDue().isBefore(today)).count(),
                notClosed.stream().filter(AccountView::flagged).count(),
                notClosed.stream().mapToLong(a -> a.outOfDate() == null ? 0 : a.outOfDate().size()).sum());
        List<HandoverView> open = handovers.open(schoolId);
        List<AccountMessageView> received = messages.receivedBetween(schoolId, period.start(), period.end());
        Responses responses = new Responses(received.size(),
                received.stream().filter(m -> m.answeredAt() != null && !m.breached(now)).count(),
                received.stream().filter(m -> m.breached(now)).count(),
                received.stream().filter(m -> m.answeredAt() == null && !m.breached(now)).count(),
                Durations.of(received.stream().filter(m -> m.answeredAt() != null)
                        .map(m -> Duration.between(m.receivedAt(), m.answeredAt())).toList()));
        return new Figures(state, open.size(), open.stream().filter(h -> h.dueAt().isBefore(now)).count(), responses);
    }

    private static long status(List<AccountView> accounts, String status) {
        return accounts.stream().filter(a -> status.equals(a.status())).count();
    }
}
