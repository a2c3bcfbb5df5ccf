package io.jingda.live;

import org.jboss.logging.MDC;

/**
 * Puts {@code contestId} in the logging MDC while work on one contest runs on this thread, so JSON log lines
 * (docs/operations.md#json-logs) carry it: {@code try (var mdc = ContestMdc.on(id)) { … }}. The value it
 * replaced (work on one contest inside another's) is put back when the scope closes.
 */
public final class ContestMdc {
    public static final String KEY = "contestId";

    /** A scope that ends without a checked exception. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final Scope CLEAR = () -> MDC.remove(KEY);

    private ContestMdc() {
    }

    public static Scope on(long contestId) {
        Object previous = MDC.get(KEY);
        MDC.put(KEY, Long.toString(contestId));
        return previous == null ? CLEAR : () -> MDC.put(KEY, previous);
    }

    /** For work that learns its contest part way (a join by code); pair it with {@link #clear} in a finally. */
    public static void put(long contestId) {
        MDC.put(KEY, Long.toString(contestId));
    }

    public static void clear() {
        MDC.remove(KEY);
    }
}
