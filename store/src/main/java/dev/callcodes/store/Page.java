package dev.callcodes.store;

import java.util.List;

/** One page of a listing; {@code continuation} is null on the last page. */
public record Page(List<Entry> entries, String continuation) {

    public Page {
        entries = List.copyOf(entries);
    }
}
