package dev.callcodes.watch;

import java.util.List;

/** Settings that cannot be used; every problem names its variable and the value. */
public final class WatchSettingsException extends IllegalArgumentException {

    private final List<String> problems;

    public WatchSettingsException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
