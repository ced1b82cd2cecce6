package dev.callcodes.catalog.intake;

/**
 * One call of a report: a table row or a JSON record. Codes are already checked; the other fields are as written,
 * or null when the report has no such column or the cell is empty.
 *
 * @param method   the SIP method the row describes, when the report has one (an OPTIONS ping is not a call)
 * @param q850Cause the Q.850 cause of the final response, when the record gives one (ACS Q850Details)
 * @param language the language of the table's header ("de", "fr" ...), which says how its dates are written; null
 *                 when the header's names are the same in every language or the record is JSON
 * @param listed   whether the record is one of a JSON list (a Graph page's "value", an array of log rows): such a
 *                 list is a report even with one record, unlike a single JSON object
 * @param line     where the record starts in the input (1-based), for messages about it
 */
public record CallRecord(
        String microsoftCode,
        Integer sipCode,
        String phrase,
        String sbcFqdn,
        String callType,
        String startTime,
        String correlationId,
        String method,
        String recordId,
        String user,
        Integer q850Cause,
        String language,
        RecordFormat format,
        boolean listed,
        long line) {

    public boolean hasCode() {
        return microsoftCode != null || sipCode != null;
    }

    /** The reference this record makes, as if its codes had been typed. */
    public CodeReference reference() {
        return new CodeReference(microsoftCode, sipCode, phrase, line, Provenance.GIVEN, q850Cause, null, null);
    }
}
