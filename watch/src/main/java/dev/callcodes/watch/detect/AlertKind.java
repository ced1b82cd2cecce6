package dev.callcodes.watch.detect;

/** The three messages an incident gives: the first, its growth (the card is updated), and the all-clear. */
public enum AlertKind {
    OPENED,
    UPDATED,
    RESOLVED
}
