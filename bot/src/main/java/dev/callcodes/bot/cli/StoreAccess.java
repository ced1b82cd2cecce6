package dev.callcodes.bot.cli;

import dev.callcodes.bot.store.Stores;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.StoreException;
import dev.callcodes.store.StoreSettings;

import java.time.Clock;
import java.util.function.UnaryOperator;

/** The store the environment names, for the commands that read or write shared state. */
final class StoreAccess {

    private StoreAccess() {
    }

    static StoreSettings settings(UnaryOperator<String> env) throws UsageException {
        try {
            return StoreSettings.from(env);
        } catch (StoreSettings.StoreSettingsException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Opens it, or a one-line reason (the folder is in use by the running bot, the account refused access ...). */
    static DocumentStore open(StoreSettings settings) throws UsageException {
        try {
            return Stores.open(settings, Clock.systemUTC());
        } catch (StoreException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
