package dev.callcodes.catalog.intake;

import dev.callcodes.catalog.Originator;

/**
 * Who sent a SIP response, as the trace itself says: the final response's {@code Server} or {@code User-Agent}
 * header names the program that generated it ("Microsoft.PSTNHub.SIPProxy", an SBC's product name).
 *
 * @param header the header line as written, for the note that quotes it
 */
public record SenderEvidence(Originator originator, String header) {
}
