package dev.callcodes.bot.store;

import dev.callcodes.store.StoreException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A store that cannot be opened at start-up (a folder another process holds, a damaged file, an unreachable
 * account) stops the app with its one-line reason instead of a bean-creation stack trace.
 */
class StoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreException cause) {
        return new FailureAnalysis("The store could not be opened: " + cause.getMessage(),
                "Check CALLCODES_STORE and CALLCODES_DATA_DIR (or the CALLCODES_BLOB_* settings); two instances"
                        + " cannot share one data folder: use Azure Blob Storage for several.", cause);
    }
}
