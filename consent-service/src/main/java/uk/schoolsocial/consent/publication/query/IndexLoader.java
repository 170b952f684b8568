package uk.schoolsocial.consent.publication.query;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.consent.consent.query.ChannelConsentViewRepository;
import uk.schoolsocial.consent.consent.query.PupilViewRepository;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountViewRepository;

/**
 * Loads the {@link PublicationCheckIndex} from the read model: at start, before the HTTP server takes
 * requests, and again in the background whenever the index forgot its facts or missed events; one load
 * at a time. Should a load fail, checks read the read model while it loads again.
 */
final class IndexLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationCheckIndex.class);

    private final PublicationCheckIndex index;
    private final IndexState state;
    private final FeedingProcessors processors;
    private final PupilViewRepository pupilRows;
    private final ChannelConsentViewRepository consentRows;
    private final OfficialLiveAccountViewRepository accountRows;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "publication-check-index");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean loading = new AtomicBoolean();

    IndexLoader(PublicationCheckIndex index, IndexState state, FeedingProcessors processors,
                PupilViewRepository pupilRows, ChannelConsentViewRepository consentRows,
                OfficialLiveAccountViewRepository accountRows) {
        this.index = index;
        this.state = state;
        this.processors = processors;
        this.pupilRows = pupilRows;
        this.consentRows = consentRows;
        this.accountRows = accountRows;
    }

    /** Loads in the calling thread, unless a load is under way. */
    void loadNow() {
        if (loading.compareAndSet(false, true)) {
            loadAndRelease();
        }
    }

    void loadInBackground() {
        if (loading.compareAndSet(false, true)) {
            loader.execute(this::loadAndRelease);
        }
    }

    void stop() {
        loader.shutdownNow();
    }

    /** One load, by whoever set {@link #loading}; a failure leaves the checks on the read model. */
    private void loadAndRelease() {
        try {
            processors.awaitClaims();
            reload();
        } catch (RuntimeException e) {
            LOG.warn("The publication check index could not load; checks read the read model",
                    uk.schoolsocial.platform.privacy.LogSafe.redacted(e));
        } finally {
            loading.set(false);
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
            generation = state.generation();
            long ownAt = processors.position(processors.ownEvents);
            long accountsAt = processors.position(processors.accountEvents);
            started = System.nanoTime();
            pupilRows.findAll().forEach(index::apply);
            consentRows.findAll().forEach(index::apply);
            accountRows.findAll().forEach(index::apply);
            processors.ownEvents.caughtUpTo(ownAt);
            processors.accountEvents.caughtUpTo(accountsAt);
        } while (!state.finishLoad(generation));
        LOG.info(state.loaded() ? "Publication check index loaded from the read model in {} ms: {} schools"
                        : "Publication check index read the read model in {} ms ({} schools); it answers once the"
                        + " batches open at a rollback have ended",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), state.schools().size());
    }
}
