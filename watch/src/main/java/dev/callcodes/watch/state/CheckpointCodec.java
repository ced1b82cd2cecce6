package dev.callcodes.watch.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The checkpoint as JSON bytes, for a store that keeps documents. Unknown fields are ignored, so a newer instance's
 * checkpoint still loads in an older one during a rolling update.
 */
public final class CheckpointCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CheckpointCodec() {
    }

    public static byte[] write(Checkpoint checkpoint) {
        try {
            return JSON.writeValueAsBytes(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("the watch checkpoint could not be written", e);
        }
    }

    public static Checkpoint read(byte[] json) {
        try {
            return JSON.readValue(json, Checkpoint.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored watch checkpoint cannot be read: " + e.getMessage(), e);
        }
    }
}
