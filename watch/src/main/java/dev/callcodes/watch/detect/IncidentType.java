package dev.callcodes.watch.detect;

/** Why an incident was opened; an incident on a pair may carry both pair reasons. */
public enum IncidentType {
    /** A pair the SBC has not had in the last 30 days. */
    NEW_PAIR,
    /** A pair's share of the SBC's calls well above that SBC's baseline. */
    RATE,
    /** An SBC that carried calls at these hours has none. */
    SILENCE
}
