package uk.schoolsocial.consent.publication.query;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;
import uk.schoolsocial.platform.axon.AxonInfrastructure;
import uk.schoolsocial.consent.consent.query.ChannelConsentView;
import uk.schoolsocial.consent.consent.query.ChannelConsentViewRepository;
import uk.schoolsocial.consent.consent.query.PupilConsentProjection;
import uk.schoolsocial.consent.consent.query.PupilView;
import uk.schoolsocial.consent.consent.query.PupilViewRepository;
import uk.schoolsocial.consent.officialaccount.query.OfficialAccountProjection;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountView;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountViewRepository;
import uk.schoolsocial.events.consent.ConsentChannel;

/**
 * The facts of the publication check (CON-4) in memory, per school: the roster with folded names,
 * dates of birth, leavers and objections (CON-2, CON-6), each pupil's consent per channel (CON-1,
 * CON-3), and the official accounts provisioned by account-service with where they stand. A check
 * then needs no database round trip.
 *
 * <p>How it stays as right as the read model it copies:
 * <ul>
 * <li><b>Same rows, same moment.</b> The projections that write {@code pupil_view},
 * {@code channel_consent_view} and {@code official_live_account_view} hand each row they write to
 * {@link #apply} in the same handler call, inside the processor's transaction and so <em>before</em> it
 * commits. A command answers 2xx only once its row is committed ({@code ReadYourWrites}), so by then
 * the index has the change: a check made after a withdrawal (or objection, or leaving) answered 2xx
 * refuses, as one reading the read model would.</li>
 * <li><b>Nothing that was not stored, nothing lost.</b> Should that transaction roll back, the index may
 * hold rows the read model never got (a consent that was not stored, say). It then forgets everything
 * and is not trusted until it has loaded again from the read model; the processor retries the batch
 * meanwhile. Forgetting also drops rows that the other processor's batch, still open, had handed in:
 * the index is not trusted again until every such batch has ended and a load after it has read what
 * it committed. A check reads one consistent copy ({@link #trustedFacts}), never a half-loaded one.</li>
 * <li><b>Versions.</b> Every entry keeps the version of its row and only a higher one replaces it, as in
 * the projections, so a redelivered or replayed event, or a reload racing live updates, cannot bring
 * older facts back. Rows are deleted from these tables only by an erasure (AUD-4), after which the
 * index drops everything and loads again ({@link #reloadAfterErasure}).</li>
 * <li><b>Loaded from the read model</b> at start, before the HTTP server takes requests; should that fail,
 * checks read the read model while it loads again in the background.</li>
 * <li><b>Trusted only while complete.</b> The index is fed only by the processors of this instance.
 * It answers a check only while this instance processes the whole stream of both feeding processors
 * ({@code pupil-consents}, {@code official-accounts}: one segment each, claimed here) and has itself
 * seen every event up to where they stand (a {@link StreamReader} reads every event of each of
 * those streams). Otherwise, say another instance holds or held a segment, or a
 * processor runs several segments, the check reads the read model, and if this instance holds the
 * streams again but missed events, the index reloads from the read model first. One window remains:
 * <li><b>Still ours in the token store.</b> A segment taken over by another instance (after this one
 * failed to extend its claim for the claim timeout, a long pause say) would count as held here until this
 * instance's processor notices, at its next token update, while the other instance feeds only its own
 * index. So each check that the index could answer first reads the owner of both segments in
 * {@code token_entry} (one primary-key read of two rows): the index answers only while both name this
 * instance. An instance that takes a segment over commits its token, owner included, with the rows it
 * projects, so a change answered 2xx before the check began sends a check on the other instance to the
 * read model (issue 13: several instances of the service).</li>
 * </ul>
 */
@Singleton
public class PublicationCheckIndex {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationCheckIndex.class);
    private static final Consent[] NO_CONSENTS = new Consent[ConsentChannel.values().length];
    private static final long CLAIM_WAIT_MILLIS = 3_000;

    private volatile Map<String, School> schools = new ConcurrentHashMap<>();
    private final Stream ownEvents = new Stream(PupilConsentProjection.GROUP);
    private final Stream accountEvents = new Stream(OfficialAccountProjection.GROUP);
    private final StreamReader ownReader = new StreamReader(ownEvents);
    private final StreamReader accountReader = new StreamReader(accountEvents);
    private final PupilViewRepository pupilRows;
    private final ChannelConsentViewRepository consentRows;
    private final OfficialLiveAccountViewRepository accountRows;
    /** Lazily: the Axon configuration is built after the projections that feed this index. */
    private final BeanProvider<Configuration> axon;
    /** The service's own schema, where {@code token_entry} says which instance holds a segment. */
    private final DataSource tokens;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "publication-check-index");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean loading = new AtomicBoolean();
    private final AtomicBoolean warned = new AtomicBoolean();
    /** Guards {@link #loaded} against a rollback that forgets the index while a load completes. */
    private final Object loadState = new Object();
    /**
     * Counts the times the facts were dropped or went stale; a load that saw it move loads again. Guarded,
     * with {@link #schools}, {@link #loaded} and {@link #stale}, by {@link #loadState}.
     */
    private long forgotten;
    /** Root units of work of the feeding processors that handed in rows and have not ended yet. */
    private final Set<UnitOfWork<?>> feeding = ConcurrentHashMap.newKeySet();
    /** Those of {@link #feeding} whose rows a {@link #forget} dropped: the index waits for their end. */
    private final Set<UnitOfWork<?>> stale = new HashSet<>();
    private volatile boolean loaded;
    /** Marks a unit of work whose end this index already listens for. */
    private final String rollbackKey = PublicationCheckIndex.class.getName() + "@" + System.identityHashCode(this);

    PublicationCheckIndex(PupilViewRepository pupilRows, ChannelConsentViewRepository consentRows,
                          OfficialLiveAccountViewRepository accountRows, BeanProvider<Configuration> axon,
                          DataSource dataSource) {
        this.tokens = dataSource == null ? null : DelegatingDataSource.unwrapDataSource(dataSource);
        this.pupilRows = pupilRows;
        this.consentRows = consentRows;
        this.accountRows = accountRows;
        this.axon = axon;
    }

    // ---- fed by the projections, with the rows they write -------------------------------------------

    /** A roster row (CON-6) with its objection (CON-2), as {@code PupilRosterProjection} wrote it. */
    public void apply(PupilView row) {
        track();
        School school = school(row.schoolId());
        Roster next = new Roster(row.givenNameKey(), row.familyNameKey(), row.dateOfBirth(), row.leftOn(),
                row.objectedAt(), row.version());
        boolean[] renamed = {false};
        school.pupils.compute(row.pupilId(), (id, pupil) -> {
            Roster before = pupil == null ? null : pupil.roster();
            if (before != null && before.version() >= next.version()) {
                return pupil;
            }
            renamed[0] = before == null || !before.sameNames(next);
            return new Pupil(next, pupil == null ? NO_CONSENTS : pupil.consents());
        });
        if (renamed[0]) {
            school.rosterChanges.incrementAndGet();
        }
    }

    /** A pupil's consent on one channel (CON-1, CON-3), as {@code PupilConsentProjection} wrote it. */
    public void apply(ChannelConsentView row) {
        track();
        int channel = ConsentChannel.valueOf(row.channel()).ordinal();
        Consent next = new Consent(row.givenOn(), row.validUntil(), row.withdrawnAt(), row.version());
        school(row.schoolId()).pupils.compute(row.pupilId(), (id, pupil) -> {
            Consent[] consents = pupil == null ? NO_CONSENTS : pupil.consents();
            if (consents[channel] != null && consents[channel].version() >= next.version()) {
                return pupil;
            }
            Consent[] changed = consents.clone();
            changed[channel] = next;
            return new Pupil(pupil == null ? null : pupil.roster(), changed);
        });
    }

    /** An official account and where it stands, as {@code OfficialAccountProjection} wrote it. */
    public void apply(OfficialLiveAccountView row) {
        track();
        school(row.schoolId()).accounts.merge(row.id(), row,
                (stored, next) -> next.version() > stored.version() ? next : stored);
    }

    /**
     * Follows the processor's unit of work that hands rows in (once per unit of work, whatever number of
     * rows): if it rolls back, its rows were never stored and the index forgets everything; when it ends,
     * it is no longer one whose rows may be missing.
     */
    private void track() {
        CurrentUnitOfWork.ifStarted(unitOfWork -> {
            UnitOfWork<?> root = unitOfWork.root();
            root.getOrComputeResource(rollbackKey, key -> {
                feeding.add(root);
                root.onRollback(rolledBack -> forget());
                root.onCleanup(ended -> ended(root));
                return Boolean.TRUE;
            });
        });
    }

    /**
     * Drops every fact, so that none of a rolled-back transaction survives, and loads again. Batches still
     * open lose the rows they handed in with the old facts, so the index waits for them to end.
     */
    void forget() {
        dropAndReload();
        LOG.warn("A transaction that fed the publication check index rolled back; checks read the read model "
                + "until the index has loaded again");
    }

    /**
     * AUD-4: an erasure removed pupils' rows from the read model in the current unit of work. Once it
     * commits the index drops every fact, so it holds nothing of them, and loads again from the read
     * model; checks read the read model meanwhile.
     */
    public void reloadAfterErasure() {
        Runnable reload = () -> {
            dropAndReload();
            LOG.info("An erasure removed pupils from the roster; the publication check index loads again");
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(committed -> reload.run());
        } else {
            reload.run();
        }
    }

    private void dropAndReload() {
        synchronized (loadState) {
            forgotten++;
            loaded = false;
            schools = new ConcurrentHashMap<>();
            stale.addAll(feeding);
        }
        reloadInBackground();
    }

    /** A feeding unit of work ended; if a forget dropped its rows, load again now that they are stored. */
    private void ended(UnitOfWork<?> unitOfWork) {
        feeding.remove(unitOfWork);
        boolean wasStale;
        synchronized (loadState) {
            wasStale = stale.remove(unitOfWork);
            if (wasStale) {
                forgotten++;
                loaded = false;
            }
        }
        if (wasStale) {
            reloadInBackground();
        }
    }

    /** Reads every event of the processor of the consent and roster projections: how far the index has read. */
    public StreamReader ownEventsReader() {
        return ownReader;
    }

    /** Reads every event of the processor of account-service's events: how far the index has read. */
    public StreamReader accountEventsReader() {
        return accountReader;
    }

    // ---- the facts of a check --------------------------------------------------------------------

    /**
     * The facts to answer a check with, if the index may answer it ({@link #trusted}): one copy, taken
     * before the trust is judged, so that a forget racing the check never shows it an empty or half-loaded
     * index. Empty when the check must read the read model.
     */
    public Optional<PublicationFacts> trustedFacts() {
        Map<String, School> facts;
        long generation;
        synchronized (loadState) {
            facts = schools;
            generation = forgotten;
        }
        if (!trusted()) {
            return Optional.empty();
        }
        synchronized (loadState) {
            return generation == forgotten ? Optional.of(new Facts(facts)) : Optional.empty();
        }
    }

    /** The facts as they are now, trusted or not: for tests that compare them with the read model. */
    PublicationFacts facts() {
        return new Facts(schools);
    }

    /** The facts of one copy of the index. */
    private record Facts(Map<String, School> schools) implements PublicationFacts {

        @Override
        public List<CheckedPupil> featured(String schoolId, ConsentChannel channel, Collection<String> pupilIds) {
            School school = schools.get(schoolId);
            if (school == null) {
                return List.of();
            }
            List<CheckedPupil> found = new ArrayList<>(pupilIds.size());
            for (String pupilId : pupilIds) {
                Pupil pupil = school.pupils.get(pupilId);
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

        @Override
        public List<NamedPupil> named(String schoolId, Collection<String> phrases) {
            School school = schools.get(schoolId);
            if (school == null) {
                return List.of();
            }
            Map<String, List<NamedPupil>> byKey = school.names().byKey();
            Set<NamedPupil> found = new LinkedHashSet<>();
            for (String phrase : phrases) {
                found.addAll(byKey.getOrDefault(phrase, List.of()));
            }
            return List.copyOf(found);
        }

        @Override
        public Optional<OfficialLiveAccountView> account(String schoolId, String accountId) {
            School school = schools.get(schoolId);
            return school == null ? Optional.empty() : Optional.ofNullable(school.accounts.get(accountId));
        }
    }

    // ---- whether it may answer, and loading -------------------------------------------------------

    /**
     * Whether a check may be answered from memory: loaded, and this instance processes the whole stream
     * of both feeding processors with every event up to their position seen here. When it processes them
     * but missed events (another instance had them for a while), a reload from the read model starts.
     */
    public boolean trusted() {
        if (!loaded) {
            reloadInBackground();
            return false;
        }
        Standing own = standing(ownEvents);
        Standing accounts = standing(accountEvents);
        if (own == Standing.CAUGHT_UP && accounts == Standing.CAUGHT_UP) {
            return claimedHere();
        }
        if (own != Standing.NOT_HERE && accounts != Standing.NOT_HERE) {
            reloadInBackground();
        }
        return false;
    }

    /**
     * Whether {@code token_entry} names this instance as the owner of both feeding processors' segment:
     * another instance may have taken one over without this one's processor having noticed yet.
     */
    private boolean claimedHere() {
        try (Connection connection = tokens.getConnection();
             PreparedStatement owners = connection.prepareStatement("SELECT owner FROM token_entry"
                     + " WHERE processor_name IN (?, ?) AND segment = 0")) {
            owners.setString(1, ownEvents.name);
            owners.setString(2, accountEvents.name);
            int ours = 0;
            try (ResultSet rows = owners.executeQuery()) {
                while (rows.next()) {
                    if (AxonInfrastructure.NODE_ID.equals(rows.getString(1))) {
                        ours++;
                    }
                }
            }
            return ours == 2;
        } catch (SQLException e) {
            LOG.warn("Could not read the owners of the publication check's segments; the check reads the read model",
                    uk.schoolsocial.platform.privacy.LogSafe.redacted(e));
            return false;
        }
    }

    /**
     * Loads before the HTTP server takes requests (Micronaut starts it after this event), so that no
     * check waits on the read model while the index loads.
     */
    @EventListener
    void onStartup(StartupEvent event) {
        if (loading.compareAndSet(false, true)) {
            loadAndRelease();
        }
    }

    @PreDestroy
    void stop() {
        loader.shutdownNow();
    }

    private void reloadInBackground() {
        if (loading.compareAndSet(false, true)) {
            loader.execute(this::loadAndRelease);
        }
    }

    /** One load, by whoever set {@link #loading}; a failure leaves the checks on the read model. */
    private void loadAndRelease() {
        try {
            awaitClaims();
            reload();
        } catch (RuntimeException e) {
            LOG.warn("The publication check index could not load; checks read the read model",
                    uk.schoolsocial.platform.privacy.LogSafe.redacted(e));
        } finally {
            loading.set(false);
        }
    }

    /** At start the processors claim their segment within moments; loading after that saves a second load. */
    private void awaitClaims() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLAIM_WAIT_MILLIS);
        while ((standing(ownEvents) == Standing.NOT_HERE || standing(accountEvents) == Standing.NOT_HERE)
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Merges every row of the read model in (a row older than the entry it meets changes nothing). The
     * processors' positions are taken first: a processor moves past an event only once its transaction
     * has committed, so every event up to them is in the rows read afterwards.
     */
    void reload() {
        long generation;
        long started;
        do {
            synchronized (loadState) {
                generation = forgotten;
            }
            long ownAt = position(ownEvents);
            long accountsAt = position(accountEvents);
            started = System.nanoTime();
            pupilRows.findAll().forEach(this::apply);
            consentRows.findAll().forEach(this::apply);
            accountRows.findAll().forEach(this::apply);
            ownEvents.caughtUpTo(ownAt);
            accountEvents.caughtUpTo(accountsAt);
        } while (!finishLoad(generation));
        LOG.info(loaded ? "Publication check index loaded from the read model in {} ms: {} schools"
                        : "Publication check index read the read model in {} ms ({} schools); it answers once the"
                        + " batches open at a rollback have ended",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), schools.size());
    }

    /**
     * Whether the load is done: not if the facts were dropped or went stale meanwhile (load again). It
     * makes the index trusted only when no batch whose rows a forget dropped is still open; the end of
     * the last one starts the load that will.
     */
    private boolean finishLoad(long generation) {
        synchronized (loadState) {
            if (forgotten != generation) {
                return false;
            }
            if (stale.isEmpty()) {
                loaded = true;
            }
            return true;
        }
    }

    private enum Standing { CAUGHT_UP, BEHIND, NOT_HERE }

    private Standing standing(Stream stream) {
        EventTrackerStatus whole = wholeStream(stream);
        if (whole == null) {
            return Standing.NOT_HERE;
        }
        return position(whole) <= stream.seen() ? Standing.CAUGHT_UP : Standing.BEHIND;
    }

    private long position(Stream stream) {
        EventTrackerStatus whole = wholeStream(stream);
        return whole == null ? -1 : position(whole);
    }

    private static long position(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(-1);
    }

    /** The status of the processor's one segment if this instance processes the whole stream, else null. */
    private EventTrackerStatus wholeStream(Stream stream) {
        StreamingEventProcessor processor = processor(stream);
        if (processor == null) {
            return null;
        }
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        if (held.size() != 1) {
            return null;
        }
        EventTrackerStatus status = held.values().iterator().next();
        if (status.getSegment().getMask() != 0) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("Processor {} runs several segments; the publication check reads the read model",
                        stream.name);
            }
            return null;
        }
        return status;
    }

    private StreamingEventProcessor processor(Stream stream) {
        StreamingEventProcessor found = stream.processor;
        if (found == null) {
            found = axon.get().eventProcessingConfiguration()
                    .eventProcessor(stream.name, StreamingEventProcessor.class).orElse(null);
            stream.processor = found;
        }
        return found;
    }

    private School school(String schoolId) {
        return schools.computeIfAbsent(schoolId, id -> new School());
    }

    // ---- the data ---------------------------------------------------------------------------------

    /** One school's roster and accounts. */
    private static final class School {
        final Map<String, Pupil> pupils = new ConcurrentHashMap<>();
        final Map<String, OfficialLiveAccountView> accounts = new ConcurrentHashMap<>();
        /** Counts changes of names on the roster; the lookup table below is rebuilt when it moves. */
        final AtomicLong rosterChanges = new AtomicLong();
        volatile Names names = new Names(-1, Map.of());

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
    }

    private record Names(long changes, Map<String, List<NamedPupil>> byKey) {
    }

    /** A pupil's roster entry and consent per channel (by ordinal); the roster is null until its row arrives. */
    private record Pupil(Roster roster, Consent[] consents) {
    }

    private record Roster(String givenNameKey, String familyNameKey, LocalDate dateOfBirth, LocalDate leftOn,
                          Instant objectedAt, long version) {

        boolean sameNames(Roster other) {
            return givenNameKey.equals(other.givenNameKey) && familyNameKey.equals(other.familyNameKey);
        }
    }

    private record Consent(LocalDate givenOn, LocalDate validUntil, Instant withdrawnAt, long version) {
    }

    /** One feeding processor and the furthest position of its stream that the index has seen. */
    private static final class Stream {
        private final String name;
        private final AtomicLong seen = new AtomicLong(-1);
        private volatile StreamingEventProcessor processor;

        Stream(String name) {
            this.name = name;
        }

        long seen() {
            return seen.get();
        }

        void read(TrackingToken token) {
            if (token != null) {
                token.position().ifPresent(position -> seen.accumulateAndGet(position, Math::max));
            }
        }

        void caughtUpTo(long position) {
            seen.accumulateAndGet(position, Math::max);
        }
    }

    /**
     * Sees every event of one feeding processor (its handler takes any message), in the processor's
     * transaction, so that {@link #trusted()} can tell whether the index missed any. The Axon
     * configuration puts each of the two readers in its processor.
     */
    public static final class StreamReader {
        private final Stream stream;

        StreamReader(Stream stream) {
            this.stream = stream;
        }

        @EventHandler
        void read(EventMessage<?> event, TrackingToken token) {
            stream.read(token);
        }
    }

    @Override
    public String toString() {
        return "PublicationCheckIndex" + (loaded ? "" : " (loading)") + ": " + schools.size() + " schools";
    }
}
