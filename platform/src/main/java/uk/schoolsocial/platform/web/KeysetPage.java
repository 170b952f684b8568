package uk.schoolsocial.platform.web;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read by keyset ({@link Cursor}). The query is asked for one row more than the
 * page holds, so whether a next page exists is known without counting, and the next page starts
 * after the sort key of this page's last row. Every paged list reads through here, so a cursor
 * means the same in every service and a damaged one is the same 400 everywhere.
 *
 * @param items      the page's rows, in the query's order
 * @param limit      the page's size as the client is told it: the requested limit, bounded
 * @param nextCursor the cursor of the next page, or null on the last page
 */
public record KeysetPage<T>(List<T> items, int limit, @Nullable String nextCursor) {

    /** The rows after a sort key (both null for the first page), at most {@code count} of them. */
    @FunctionalInterface
    public interface Query<T> {
        List<T> rows(@Nullable Instant afterAt, @Nullable String afterId, int count);
    }

    /**
     * The page after {@code cursor} (the first without one) of at most {@code limit} rows.
     *
     * @param keyOf the sort key of a row, which must be the key the query orders and resumes by
     */
    public static <T> KeysetPage<T> read(@Nullable String cursor, @Nullable Integer limit, Query<T> query,
                                         Function<? super T, Cursor> keyOf) {
        Cursor after = Cursor.decode(cursor);
        int size = Cursor.limit(limit);
        List<T> rows = query.rows(after == null ? null : after.at(), after == null ? null : after.id(), size + 1);
        if (rows.size() <= size) {
            return new KeysetPage<>(rows, size, null);
        }
        List<T> page = rows.subList(0, size);
        return new KeysetPage<>(page, size, keyOf.apply(page.get(size - 1)).encode());
    }

    /** The page's rows as the API shows them. */
    public <R> List<R> map(Function<? super T, ? extends R> toApi) {
        return items.stream().<R>map(toApi).toList();
    }
}
