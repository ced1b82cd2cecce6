package dev.callcodes.store;

/** A JSON document read into its type, with the version to hand back on a conditional write. */
public record Versioned<T>(String key, T value, Version version, Expiry expiry) {
}
