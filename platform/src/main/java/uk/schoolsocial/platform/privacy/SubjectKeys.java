package uk.schoolsocial.platform.privacy;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import uk.schoolsocial.events.privacy.SubjectType;

/**
 * The data keys of the service's data subjects (AUD-4, decision 9): one random AES-256 key per
 * subject, stored in {@code subject_key} wrapped (AES-GCM, the subject as associated data) by the
 * master key {@code smp.privacy.master-key}. A key is created in a short transaction of its own
 * before the event it seals is appended, so an event never lacks its key; a command that then
 * rolls back leaves a key that seals nothing, which is harmless. {@link #destroy} nulls the wrapped
 * key and keeps the row: from then on every value sealed under it reads as erased, and the subject
 * never silently gets a new key. Unwrapped keys are cached briefly; a destruction empties the cache
 * and no load that overlapped it is cached.
 */
@Singleton
public class SubjectKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A subject's key, or the knowledge that it was destroyed. */
    private record Held(Optional<SecretKey> key, long loadedAt) {
    }

    private final DataSource pool;
    private final MasterKey master;
    private final long cacheNanos;
    private final Map<String, Held> cache = new ConcurrentHashMap<>();
    private final AtomicLong destructions = new AtomicLong();

    SubjectKeys(DataSource dataSource, @Value("${smp.privacy.master-key:}") String masterKey,
                @Value("${smp.privacy.key-cache:1m}") Duration cache) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.master = MasterKey.of(masterKey);
        this.cacheNanos = cache.toNanos();
    }

    /**
     * The key to seal a new value with: the subject's, created if it has none. Empty when the
     * subject was erased: the value is then stored as already erased.
     */
    public Optional<SecretKey> forSealing(SubjectType type, String id) {
        String name = type.name() + ":" + id;
        Optional<SecretKey> cached = cached(name);
        if (cached != null) {
            return cached;
        }
        long before = destructions.get();
        // One connection for the look-up and, for a new subject, the insert (issue 13: each checkout
        // waits for the pool while the command holds a connection of its own).
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            Optional<Optional<SecretKey>> stored = select(connection, type, id);
            if (stored.isEmpty()) {
                stored = Optional.of(create(connection, type, id));
            }
            remember(name, before, stored.get());
            return stored.get();
        } catch (SQLException e) {
            throw new IllegalStateException("Subject key store unavailable", e);
        }
    }

    /**
     * A new key for the subject, committed at once; or, if a concurrent command stored one first,
     * that one (empty if it was destroyed since).
     */
    private Optional<SecretKey> create(Connection connection, SubjectType type, String id) throws SQLException {
        byte[] key = new byte[AesGcm.KEY_BYTES];
        RANDOM.nextBytes(key);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO subject_key (subject_type, subject_id, wrapped_key) VALUES (?, ?, ?)")) {
            insert.setString(1, type.name());
            insert.setString(2, id);
            insert.setBytes(3, wrap(type, id, key));
            insert.executeUpdate();
            return Optional.of(new SecretKeySpec(key, "AES"));
        } catch (SQLIntegrityConstraintViolationException storedFirst) {
            // Another command created it (or it was destroyed) in the meantime: whatever is stored wins.
            return select(connection, type, id).orElseThrow(() -> new IllegalStateException("A subject key was not stored"));
        }
    }

    /** The key to open a value with; empty when the subject was erased or never had one. */
    public Optional<SecretKey> forOpening(SubjectType type, String id) {
        return load(type, id).orElse(Optional.empty());
    }

    /**
     * The id a subject's key is stored under: the school and the subject's id in it. MIS ids of
     * pupils, parents and staff are unique within a school only, so two schools' {@code pupil-1}
     * are two subjects with two keys, and erasing one never touches the other.
     */
    public static String subjectId(String school, String id) {
        if (school == null || school.isBlank() || school.indexOf('/') >= 0) {
            throw new IllegalArgumentException("A subject's key belongs to a school; got school " + school);
        }
        return school + "/" + id;
    }

    /**
     * Erases the subject: destroys its key, so that everything sealed under it reads as erased.
     *
     * @return whether a key was destroyed now (false: there was none, or it was destroyed before)
     */
    public boolean destroy(SubjectType type, String id) {
        boolean hadKey = read(type, id).flatMap(key -> key).isPresent();
        try (Connection connection = pool.getConnection();
             PreparedStatement update = connection.prepareStatement("INSERT INTO subject_key"
                     + " (subject_type, subject_id, wrapped_key, destroyed_at) VALUES (?, ?, NULL, NOW(6))"
                     + " ON DUPLICATE KEY UPDATE wrapped_key = NULL,"
                     + " destroyed_at = COALESCE(destroyed_at, VALUES(destroyed_at))")) {
            connection.setAutoCommit(true);
            update.setString(1, type.name());
            update.setString(2, id);
            update.executeUpdate();
            return hadKey;
        } catch (SQLException e) {
            throw new IllegalStateException("Subject key store unavailable", e);
        } finally {
            destructions.incrementAndGet();
            cache.remove(type.name() + ":" + id);
        }
    }

    /**
     * As {@link #destroy}, in the caller's transaction (an erasure's event, AUD-4): the key is gone
     * when that transaction commits, and not before. The cache forgets it now and again after the
     * commit ({@code afterCommit}), so that no thread keeps a key it read before the commit.
     */
    public void destroyWithin(Connection transaction, SubjectType type, String id) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement("INSERT INTO subject_key"
                + " (subject_type, subject_id, wrapped_key, destroyed_at) VALUES (?, ?, NULL, NOW(6))"
                + " ON DUPLICATE KEY UPDATE wrapped_key = NULL,"
                + " destroyed_at = COALESCE(destroyed_at, VALUES(destroyed_at))")) {
            update.setString(1, type.name());
            update.setString(2, id);
            update.executeUpdate();
        }
        forget(type, id);
    }

    /** Drops a key from the cache, and keeps any read begun before now from caching it. */
    public void forget(SubjectType type, String id) {
        destructions.incrementAndGet();
        cache.remove(type.name() + ":" + id);
    }

    /** Empty: no row; else the key, or empty when destroyed. */
    private Optional<Optional<SecretKey>> load(SubjectType type, String id) {
        String name = type.name() + ":" + id;
        Optional<SecretKey> cached = cached(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = destructions.get();
        Optional<Optional<SecretKey>> stored = read(type, id);
        stored.ifPresent(key -> remember(name, before, key));
        return stored;
    }

    /** Caches what was read, unless a destruction happened since the read began ({@code before}). */
    private void remember(String name, long before, Optional<SecretKey> key) {
        if (destructions.get() == before) {
            cache.put(name, new Held(key, System.nanoTime()));
        }
    }

    /** The cached key (empty: destroyed), or null when not cached or cached too long ago. */
    private Optional<SecretKey> cached(String name) {
        Held held = cache.get(name);
        return held != null && System.nanoTime() - held.loadedAt() < cacheNanos ? held.key() : null;
    }

    private Optional<Optional<SecretKey>> read(SubjectType type, String id) {
        try (Connection connection = pool.getConnection()) {
            return select(connection, type, id);
        } catch (SQLException e) {
            throw new IllegalStateException("Subject key store unavailable", e);
        }
    }

    private Optional<Optional<SecretKey>> select(Connection connection, SubjectType type, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT wrapped_key FROM subject_key WHERE subject_type = ? AND subject_id = ?")) {
            select.setString(1, type.name());
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                byte[] wrapped = row.getBytes(1);
                return Optional.of(wrapped == null ? Optional.empty()
                        : Optional.of(new SecretKeySpec(unwrap(type, id, wrapped), "AES")));
            }
        }
    }

    /**
     * A key for another secret the service keeps at rest (webhook signing secrets), derived from the
     * master key for {@code purpose}, never the key that wraps subject keys.
     */
    public SecretKey derivedKey(String purpose) {
        return master.derived(purpose);
    }

    private byte[] wrap(SubjectType type, String id, byte[] key) {
        return master.wrap(ref(type, id), key);
    }

    private byte[] unwrap(SubjectType type, String id, byte[] wrapped) {
        try {
            return master.unwrap(ref(type, id), wrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key of " + type + " " + id + " cannot be unwrapped with this master"
                    + " key (SMP_PRIVACY_MASTER_KEY changed, or the row was edited)", e);
        }
    }

    private static byte[] ref(SubjectType type, String id) {
        return (type.name() + ":" + id).getBytes(StandardCharsets.UTF_8);
    }
}
