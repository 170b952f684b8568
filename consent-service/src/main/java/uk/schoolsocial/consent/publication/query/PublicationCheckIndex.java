package uk.schoolsocial.consent.publication.query;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.util.Optional;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;
import uk.schoolsocial.consent.consent.query.ChannelConsentView;
import uk.schoolsocial.consent.consent.query.ChannelConsentViewRepository;
import uk.schoolsocial.consent.consent.query.PupilRowsListener;
import uk.schoolsocial.consent.consent.query.PupilView;
import uk.schoolsocial.consent.consent.query.PupilViewRepository;
import uk.schoolsocial.consent.officialaccount.query.LiveAccountRowsListener;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountView;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountViewRepository;

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
 * checks read the read model while it loads again in the background ({@link IndexLoader}).</li>
 * <li><b>Trusted only while complete</b>, and only while the token store still names this instance the
 * owner of both feeding processors' segment ({@link FeedingProcessors}).</li>
 * </ul>
 */
@Singleton
public class PublicationCheckIndex implements PupilRowsListener, LiveAccountRowsListener {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationCheckIndex.class);

    private final IndexState state = new IndexState();
    private final FeedingProcessors processors;
    private final CheckIndexStreamReader ownReader;
    private final CheckIndexStreamReader accountReader;
    private final IndexLoader loader;
    /** Marks a unit of work whose end this index already listens for. */
    private final String rollbackKey = PublicationCheckIndex.class.getName() + "@" + System.identityHashCode(this);

    PublicationCheckIndex(PupilViewRepository pupilRows, ChannelConsentViewRepository consentRows,
                          OfficialLiveAccountViewRepository accountRows, BeanProvider<Configuration> axon,
                          DataSource dataSource) {
        this.processors = new FeedingProcessors(axon,
                dataSource == null ? null : DelegatingDataSource.unwrapDataSource(dataSource));
        this.ownReader = new CheckIndexStreamReader(processors.ownEvents);
        this.accountReader = new CheckIndexStreamReader(processors.accountEvents);
        this.loader = new IndexLoader(this, state, processors, pupilRows, consentRows, accountRows);
    }

    @Override
    public void apply(PupilView row) {
        track();
        state.school(row.schoolId()).apply(row);
    }

    @Override
    public void apply(ChannelConsentView row) {
        track();
        state.school(row.schoolId()).apply(row);
    }

    @Override
    public void apply(OfficialLiveAccountView row) {
        track();
        state.school(row.schoolId()).apply(row);
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
                state.feeding.add(root);
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
    @Override
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
        state.drop();
        reloadInBackground();
    }

    /** A feeding unit of work ended; if a forget dropped its rows, load again now that they are stored. */
    private void ended(UnitOfWork<?> unitOfWork) {
        if (state.ended(unitOfWork)) {
            reloadInBackground();
        }
    }

    /** Reads every event of the processor of the consent and roster projections: how far the index has read. */
    public CheckIndexStreamReader ownEventsReader() {
        return ownReader;
    }

    /** Reads every event of the processor of account-service's events: how far the index has read. */
    public CheckIndexStreamReader accountEventsReader() {
        return accountReader;
    }

    /**
     * The facts to answer a check with, if the index may answer it ({@link #trusted}): one copy, taken
     * before the trust is judged, so that a forget racing the check never shows it an empty or half-loaded
     * index. Empty when the check must read the read model.
     */
    public Optional<PublicationFacts> trustedFacts() {
        IndexState.Copy copy = state.copy();
        if (!trusted()) {
            return Optional.empty();
        }
        return state.current(copy.generation()) ? Optional.of(new IndexedFacts(copy.schools())) : Optional.empty();
    }

    /** The facts as they are now, trusted or not: for tests that compare them with the read model. */
    PublicationFacts facts() {
        return new IndexedFacts(state.schools());
    }

    /**
     * Whether a check may be answered from memory: loaded, and this instance processes the whole stream
     * of both feeding processors with every event up to their position seen here. When it processes them
     * but missed events (another instance had them for a while), a reload from the read model starts.
     */
    public boolean trusted() {
        if (!state.loaded()) {
            reloadInBackground();
            return false;
        }
        FeedingProcessors.Standing own = processors.standing(processors.ownEvents);
        FeedingProcessors.Standing accounts = processors.standing(processors.accountEvents);
        if (own == FeedingProcessors.Standing.CAUGHT_UP && accounts == FeedingProcessors.Standing.CAUGHT_UP) {
            return processors.claimedHere();
        }
        if (own != FeedingProcessors.Standing.NOT_HERE && accounts != FeedingProcessors.Standing.NOT_HERE) {
            reloadInBackground();
        }
        return false;
    }

    /**
     * Loads before the HTTP server takes requests (Micronaut starts it after this event), so that no
     * check waits on the read model while the index loads.
     */
    @EventListener
    void onStartup(StartupEvent event) {
        loader.loadNow();
    }

    @PreDestroy
    void stop() {
        loader.stop();
    }

    private void reloadInBackground() {
        loader.loadInBackground();
    }

    /** Merges every row of the read model in ({@link IndexLoader#reload}). */
    void reload() {
        loader.reload();
    }

    @Override
    public String toString() {
        return "PublicationCheckIndex" + (state.loaded() ? "" : " (loading)") + ": " + state.schools().size()
                + " schools";
    }
}
