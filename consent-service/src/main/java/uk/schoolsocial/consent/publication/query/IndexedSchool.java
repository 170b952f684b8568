package uk.schoolsocial.consent.publication.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import uk.schoolsocial.consent.consent.query.ChannelConsentView;
import uk.schoolsocial.consent.consent.query.PupilView;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountView;
import uk.schoolsocial.events.consent.ConsentChannel;

/**
 * One school's roster and accounts in the {@link PublicationCheckIndex}. Every entry keeps the version of
 * its row and only a higher one replaces it, as in the projections, so a redelivered or replayed event, or
 * a reload racing live updates, cannot bring older facts back.
 */
final class IndexedSchool {

    private static final Consent[] NO_CONSENTS = new Consent[ConsentChannel.values().length];

    final Map<String, Pupil> pupils = new ConcurrentHashMap<>();
    final Map<String, OfficialLiveAccountView> accounts = new ConcurrentHashMap<>();
    /** Counts changes of names on the roster; the lookup table below is rebuilt when it moves. */
    final AtomicLong rosterChanges = new AtomicLong();
    volatile Names names = new Names(-1, Map.of());

    /** A roster row (CON-6) with its objection (CON-2). */
    void apply(PupilView row) {
        Roster next = new Roster(row.givenNameKey(), row.familyNameKey(), row.dateOfBirth(), row.leftOn(),
                row.objectedAt(), row.version());
        boolean[] renamed = {false};
        pupils.compute(row.pupilId(), (id, pupil) -> {
            Roster before = pupil == null ? null : pupil.roster();
            if (before != null && before.version() >= next.version()) {
                return pupil;
            }
            renamed[0] = before == null || !before.sameNames(next);
            return new Pupil(next, pupil == null ? NO_CONSENTS : pupil.consents());
        });
        if (renamed[0]) {
            rosterChanges.incrementAndGet();
        }
    }

    /** A pupil's consent on one channel (CON-1, CON-3). */
    void apply(ChannelConsentView row) {
        int channel = ConsentChannel.valueOf(row.channel()).ordinal();
        Consent next = new Consent(row.givenOn(), row.validUntil(), row.withdrawnAt(), row.version());
        pupils.compute(row.pupilId(), (id, pupil) -> {
            Consent[] consents = pupil == null ? NO_CONSENTS : pupil.consents();
            if (consents[channel] != null && consents[channel].version() >= next.version()) {
                return pupil;
            }
            Consent[] changed = consents.clone();
            changed[channel] = next;
            return new Pupil(pupil == null ? null : pupil.roster(), changed);
        });
    }

    /** An official account and where it stands. */
    void apply(OfficialLiveAccountView row) {
        accounts.merge(row.id(), row, (stored, next) -> next.version() > stored.version() ? next : stored);
    }

    /** The featured pupils on the roster, each with their consent on {@code channel}; absent ones left out. */
    List<CheckedPupil> featured(ConsentChannel channel, Collection<String> pupilIds) {
        List<CheckedPupil> found = new ArrayList<>(pupilIds.size());
        for (String pupilId : pupilIds) {
            Pupil pupil = pupils.get(pupilId);
            if (pupil == null || pupil.roster() == null) {
                continue;
            }
            Roster roster = pupil.roster();
            Consent consent = pupil.consents()[channel.ordinal()];
            found.add(new CheckedPupil(pupilId, roster.dateOfBirth(), roster.leftOn(), roster.objectedAt(),
                    consent == null ? null : consent.givenOn(), consent == null ? null : consent.validUntil(),
                    consent == null ? null : consent.withdrawnAt()));
        }
        return found;
    }

    /** Pupils of the roster (leavers included) whose given or family name key is one of {@code phrases}. */
    List<NamedPupil> named(Collection<String> phrases) {
        Map<String, List<NamedPupil>> byKey = names().byKey();
        Set<NamedPupil> found = new LinkedHashSet<>();
        for (String phrase : phrases) {
            found.addAll(byKey.getOrDefault(phrase, List.of()));
        }
        return List.copyOf(found);
    }

    /**
     * The pupils by name key. The count is read before the roster, and a roster change is counted only
     * after it is in the map, so a table is never labelled newer than what it holds.
     */
    Names names() {
        Names current = names;
        long changes = rosterChanges.get();
        if (current.changes() == changes) {
            return current;
        }
        Map<String, List<NamedPupil>> byKey = new HashMap<>();
        pupils.forEach((pupilId, pupil) -> {
            Roster roster = pupil.roster();
            if (roster == null) {
                return;
            }
            NamedPupil named = new NamedPupil(pupilId, roster.givenNameKey(), roster.familyNameKey());
            byKey.computeIfAbsent(roster.givenNameKey(), key -> new ArrayList<>()).add(named);
            if (!roster.familyNameKey().equals(roster.givenNameKey())) {
                byKey.computeIfAbsent(roster.familyNameKey(), key -> new ArrayList<>()).add(named);
            }
        });
        Names rebuilt = new Names(changes, byKey);
        names = rebuilt;
        return rebuilt;
    }

    record Names(long changes, Map<String, List<NamedPupil>> byKey) {
    }

    /** A pupil's roster entry and consent per channel (by ordinal); the roster is null until its row arrives. */
    record Pupil(Roster roster, Consent[] consents) {
    }

    record Roster(String givenNameKey, String familyNameKey, LocalDate dateOfBirth, LocalDate leftOn,
                  Instant objectedAt, long version) {

        boolean sameNames(Roster other) {
            return givenNameKey.equals(other.givenNameKey) && familyNameKey.equals(other.familyNameKey);
        }
    }

    record Consent(LocalDate givenOn, LocalDate validUntil, Instant withdrawnAt, long version) {
    }
}
