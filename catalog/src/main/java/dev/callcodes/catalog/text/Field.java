package dev.callcodes.catalog.text;

/** A field of a call record that pasted text can label, as named in {@code text/field-labels.yaml}. */
enum Field {
    SIP_CODE("sipCode"),
    MICROSOFT_CODE("microsoftCode"),
    PHRASE("phrase"),
    SBC_FQDN("sbcFqdn"),
    CALL_TYPE("callType"),
    START_TIME("startTime"),
    CORRELATION_ID("correlationId");

    final String key;

    Field(String key) {
        this.key = key;
    }
}
