package dev.callcodes.team.notes;

/** A note change that cannot be made; the message is written for the person who tried. */
public final class NoteException extends RuntimeException {

    public enum Reason { NOT_AN_EDITOR, NO_SUCH_NOTE, TOO_MANY_NOTES }

    private final Reason reason;

    NoteException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
