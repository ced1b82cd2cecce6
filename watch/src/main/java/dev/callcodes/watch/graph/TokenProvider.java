package dev.callcodes.watch.graph;

import dev.callcodes.watch.calls.SourceException;

/** An app-only access token for Graph. */
public interface TokenProvider {

    /** A valid token, from the cache unless {@code refresh}; fails with {@code CREDENTIALS} or {@code UNREACHABLE}. */
    String token(boolean refresh) throws SourceException;
}
