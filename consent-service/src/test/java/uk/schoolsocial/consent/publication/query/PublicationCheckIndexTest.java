package uk.schoolsocial.consent.publication.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.consent.consent.query.ChannelConsentView;
import uk.schoolsocial.consent.consent.query.NameKey;
import uk.schoolsocial.consent.consent.query.PupilView;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountView;
import uk.schoolsocial.events.consent.ConsentChannel;

/**
 * CON-4: the publication check's index keeps the rows of the read model as the projections do: the
 * highest version of each row wins, whatever order rows arrive in (live events, redeliveries, or a
 * reload from the read model racing them). No database: rows are handed in as the projections do.
 */
class PublicationCheckIndexTest {

    private static final String SCHOOL = "school-a";
    private static final LocalDate BORN = LocalDate.of(2016, 3, 14);
    private static final LocalDate GIVEN = LocalDate.of(2026, 1, 5);
    private static final LocalDate UNTIL = LocalDate.of(2099, 8, 31);
    private static final Instant AT = Instant.parse("2026-09-01T08:00:00Z");

    private final PublicationCheckIndex index = new PublicationCheckIndex(null, null, null, null, null);

    private static PupilView pupil(String pupilId, String given, String family, LocalDate leftOn, Instant objectedAt,
                                   long version) {
        return new PupilView("pc-" + pupilId, SCHOOL, pupilId, given, family, NameKey.of(given), NameKey.of(family),
                "Year 5", BORN, leftOn, objectedAt, version);
    }

    private static ChannelConsentView consent(String pupilId, ConsentChannel channel, Instant withdrawnAt, long version) {
        return new ChannelConsentView("pc-" + pupilId + "/" + channel, "pc-" + pupilId, SCHOOL, pupilId, channel.name(),
                "parent-1", "PAPER_FORM", "CF-1", GIVEN, UNTIL, AT, version, withdrawnAt == null ? null : "parent-1",
                withdrawnAt);
    }

    private List<String> named(Set<String> phrases) {
        return index.facts().named(SCHOOL, phrases).stream().map(NamedPupil::pupilId).toList();
    }

    private CheckedPupil featured(String pupilId, ConsentChannel channel) {
        List<CheckedPupil> found = index.facts().featured(SCHOOL, channel, List.of(pupilId));
        return found.isEmpty() ? null : found.get(0);
    }

    @Test
    void con4_aPupilWithConsentIsFeaturedWithIt() {
        index.apply(pupil("p-1", "Amelia", "Hart", null, null, 0));
        index.apply(consent("p-1", ConsentChannel.WEBSITE, null, 1));

        assertEquals(new CheckedPupil("p-1", BORN, null, null, GIVEN, UNTIL, null),
                featured("p-1", ConsentChannel.WEBSITE));
        assertEquals(new CheckedPupil("p-1", BORN, null, null, null, null, null),
                featured("p-1", ConsentChannel.PRESS_AND_MEDIA));
        assertThat(index.facts().featured("school-b", ConsentChannel.WEBSITE, List.of("p-1")), empty());
    }

    @Test
    void con3_aWithdrawalStandsAgainstAnOlderRowArrivingLate() {
        index.apply(pupil("p-1", "Amelia", "Hart", null, null, 0));
        index.apply(consent("p-1", ConsentChannel.WEBSITE, AT, 2));
        index.apply(consent("p-1", ConsentChannel.WEBSITE, null, 1));

        assertEquals(AT, featured("p-1", ConsentChannel.WEBSITE).withdrawnAt());
    }

    @Test
    void con2_con6_objectionAndLeavingStandAgainstAnOlderRosterRow() {
        index.apply(pupil("p-1", "Amelia", "Hart", null, AT, 3));
        index.apply(pupil("p-1", "Amelia", "Hart", null, null, 0));
        index.apply(pupil("p-2", "Noah", "Lee", GIVEN, null, 2));
        index.apply(pupil("p-2", "Noah", "Lee", null, null, 1));

        assertEquals(AT, featured("p-1", ConsentChannel.WEBSITE).objectedAt());
        assertEquals(GIVEN, featured("p-2", ConsentChannel.WEBSITE).leftOn());
    }

    @Test
    void con4_aConsentRowBeforeItsRosterRowIsKeptButThePupilIsNotOnTheRosterYet() {
        index.apply(consent("p-1", ConsentChannel.WEBSITE, null, 1));
        assertNull(featured("p-1", ConsentChannel.WEBSITE));

        index.apply(pupil("p-1", "Amelia", "Hart", null, null, 0));
        assertEquals(GIVEN, featured("p-1", ConsentChannel.WEBSITE).givenOn());
    }

    @Test
    void con4_namesAreFoundByTheirFoldedKeysAndFollowARename() {
        index.apply(pupil("p-1", "Siobhán", "Ó Briain", null, null, 0));
        index.apply(pupil("p-2", "Lee", "Lee", null, null, 0));

        assertThat(named(Set.of("siobhan")), contains("p-1"));
        assertThat(named(Set.of("o briain", "lee")), containsInAnyOrder("p-1", "p-2"));
        assertThat(index.facts().named("school-b", Set.of("siobhan")), empty());

        index.apply(pupil("p-1", "Zoë", "Ó Briain", null, null, 1));
        assertThat(named(Set.of("siobhan")), empty());
        assertThat(named(Set.of("zoe")), contains("p-1"));

        index.apply(pupil("p-1", "Siobhán", "Ó Briain", null, null, 0));
        assertThat(named(Set.of("zoe")), contains("p-1"));
    }

    @Test
    void con4_anAccountKeepsItsLatestStanding() {
        index.apply(new OfficialLiveAccountView("acc-1", SCHOOL, "app-1", "INSTAGRAM", "h", "H",
                OfficialLiveAccountView.SUSPENDED, 2, true));
        index.apply(new OfficialLiveAccountView("acc-1", SCHOOL, "app-1", "INSTAGRAM", "h", "H",
                OfficialLiveAccountView.LIVE, 1, true));

        assertEquals(OfficialLiveAccountView.SUSPENDED, index.facts().account(SCHOOL, "acc-1").orElseThrow().status());
        assertEquals(java.util.Optional.empty(), index.facts().account("school-b", "acc-1"));
        assertEquals(java.util.Optional.empty(), index.facts().account(SCHOOL, "acc-2"));
    }
}
