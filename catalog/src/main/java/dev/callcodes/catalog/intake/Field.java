package dev.callcodes.catalog.intake;

import java.util.Arrays;
import java.util.Optional;

/** A field of a call record that pasted text can label, as named in {@code intake/field-labels.yaml}. */
enum Field {
    SIP_CODE("sipCode"),
    MICROSOFT_CODE("microsoftCode"),
    PHRASE("phrase"),
    SBC_FQDN("sbcFqdn"),
    CALL_TYPE("callType"),
    START_TIME("startTime"),
    INVITE_TIME("inviteTime"),
    CORRELATION_ID("correlationId"),
    METHOD("method"),
    RECORD_ID("recordId"),
    USER("user");

    final String key;

    Field(String key) {
        this.key = key;
    }

    boolean isCode() {
        return this == SIP_CODE || this == MICROSOFT_CODE;
    }

    static Optional<Field> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
