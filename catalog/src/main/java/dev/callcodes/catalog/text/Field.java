package dev.callcodes.catalog.text;

/** A field of a call record that pasted text can label, as named in {@code text/field-labels.yaml}. */
enum Field {
    SIP_CODE("sipCode"),
    MICROSOFT_CODE("microsoftCode"),
    PHRASE("phrase");

    final String key;

    Field(String key) {
        this.key = key;
    }
}
