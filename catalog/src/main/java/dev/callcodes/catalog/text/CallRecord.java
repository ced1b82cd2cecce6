package dev.callcodes.catalog.text;

/**
 * One call of a report: a table row or a JSON record. Codes are already checked; the other fields are as written,
 * or null when the report has no such column or the cell is empty.
 *
 * @param line where the record starts in the input (1-based), for messages about it
 */
public record CallRecord(
        String microsoftCode,
        Integer sipCode,
        String phrase,
        String sbcFqdn,
        String callType,
        String startTime,
        String correlationId,
        long line) {

    public boolean hasCode() {
        return microsoftCode != null || sipCode != null;
    }
}
