package dev.callcodes.store;

/** One document in a listing: its key, version and expiry, without the content. */
public record Entry(String key, Version version, Expiry expiry) {
}
