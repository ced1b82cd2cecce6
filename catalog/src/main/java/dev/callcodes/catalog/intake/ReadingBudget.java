package dev.callcodes.catalog.intake;

import java.time.Duration;

/**
 * How long one request may spend reading. Reading is linear in the input, so this is a guard for the largest
 * inputs on a loaded machine, not a limit users meet: when it runs out, reading stops at a line boundary and the
 * answer says where. An interrupted thread stops reading too.
 */
public final class ReadingBudget {

    private static final ReadingBudget UNLIMITED = new ReadingBudget(Long.MAX_VALUE);

    private final long deadline;

    private ReadingBudget(long deadline) {
        this.deadline = deadline;
    }

    public static ReadingBudget unlimited() {
        return UNLIMITED;
    }

    /** A budget that runs out {@code time} from now. */
    public static ReadingBudget of(Duration time) {
        long now = System.nanoTime();
        long nanos = time.toNanos();
        return new ReadingBudget(Long.MAX_VALUE - now < nanos ? Long.MAX_VALUE : now + nanos);
    }

    boolean exhausted() {
        return Thread.currentThread().isInterrupted() || deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0;
    }
}
