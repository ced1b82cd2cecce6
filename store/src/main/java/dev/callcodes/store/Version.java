package dev.callcodes.store;

/**
 * A document's version tag (an ETag in Blob Storage), opaque to callers: compare it, hand it back to
 * {@link DocumentStore#replace} or {@link DocumentStore#delete}, never parse it.
 */
public record Version(String tag) {

    public Version {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("a version tag is not blank");
        }
    }

    @Override
    public String toString() {
        return tag;
    }
}
