package dev.callcodes.store;

import java.util.Arrays;

/** A document as read: its key, bytes, version tag and expiry. */
public record Document(String key, byte[] content, Version version, Expiry expiry) {

    public Document {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Document that && key.equals(that.key) && Arrays.equals(content, that.content)
                && version.equals(that.version) && expiry.equals(that.expiry);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Document[" + key + ", " + content.length + " bytes, " + version + ", " + expiry + "]";
    }
}
