package dev.callcodes.bot.watch;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.cards.Card;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.intake.CallRecord;
import dev.callcodes.catalog.intake.RecordFormat;
import dev.callcodes.catalog.report.ReportSummary;
import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.JsonDocuments;
import dev.callcodes.store.Versioned;
import dev.callcodes.watch.Watch;
import dev.callcodes.watch.WatchedTenant;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.state.RecentCall;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The alert's "See the window's report": the report card a pasted export gets, for the calls of the SBC that
 * started in the window the incident's latest alert judged. Each delivered alert keeps that window
 * ({@code watch/windows/INCIDENT-HASH}, 3 days); the calls come from the watch's checkpoint, which keeps them for its
 * look-back (3 hours by default). Older windows are answered with a short line: only hourly counts remain.
 */
final class WindowReports {

    static final String PREFIX = "watch/windows/";
    /**
     * What the report cannot say: the watch keeps the codes of failed calls only, so the others are counted as ended
     * normally.
     */
    static final String NOT_FAILED_NOTE = "The watch keeps no codes of calls that did not fail: they count as ended"
            + " normally here, calls answered elsewhere (540200) among them.";
    private static final Integer ENDED = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The window an incident's latest alert judged, on its SBC. */
    record Window(String incidentId, String alertId, String sbc, Instant from, Instant to) {
    }

    private final JsonDocuments<Window> windows;
    private final CallCodes codes;
    private final AnswerCards answerCards;
    private final WatchCards cards;
    private final WatchedTenant tenant;
    private final Clock clock;

    WindowReports(DocumentStore store, CallCodes codes, AnswerCards answerCards, WatchCards cards,
                  WatchedTenant tenant, Clock clock) {
        this.windows = new JsonDocuments<>(store, Window.class, ConflictRetry.DEFAULT);
        this.codes = codes;
        this.answerCards = answerCards;
        this.cards = cards;
        this.tenant = tenant;
        this.clock = clock;
    }

    /** Keeps the window an alert judged, before its card goes out, for the card's report button. */
    void keep(Alert alert) {
        windows.put(key(alert.incidentId()), new Window(alert.incidentId(), alert.id(), alert.sbc(),
                alert.windowStart(), alert.windowEnd()), Expiry.at(clock.instant().plus(Subscriptions.SENT_KEPT)));
    }

    /** The report card of the incident's latest window, or a note that says why there is none. */
    Card report(Watch watch, String incidentId, String askingTenant) {
        if (tenant.match(askingTenant) != WatchedTenant.Match.YES) {
            return note("The watch's reports are shown to the watched tenant's conversations only.");
        }
        Optional<Window> window = windows.read(key(incidentId)).map(Versioned::value);
        if (window.isEmpty()) {
            return note("No alert of " + incidentId + " in the last 3 days: there is no window to report on.");
        }
        Window w = window.get();
        String span = TIME.format(w.from()) + " to " + TIME.format(w.to());
        Optional<List<RecentCall>> calls = watch.windowCalls(w.sbc(), w.from(), w.to());
        if (calls.isEmpty()) {
            return note("The calls of " + incidentId + "'s window (" + w.sbc() + ", " + span + ") are no longer"
                    + " kept: the watch keeps calls for a few hours, then only hourly counts. watch digest reports"
                    + " whole days.");
        }
        if (calls.get().isEmpty()) {
            return note(w.sbc() + " carried no calls from " + span + ".");
        }
        ReportSummary summary = codes.report(records(calls.get()), List.of(NOT_FAILED_NOTE));
        return answerCards.report(summary, "The watch's window on " + w.sbc());
    }

    /** The watch's calls as a report's records: failed ones with their codes, the others as ended normally. */
    static List<CallRecord> records(List<RecentCall> calls) {
        List<CallRecord> records = new ArrayList<>(calls.size());
        long line = 0;
        for (RecentCall call : calls) {
            CodePair pair = call.failed() ? CodePair.parse(call.pair()) : null;
            records.add(new CallRecord(pair == null ? null : pair.microsoftCode(), pair == null ? ENDED : pair.sipCode(),
                    null, call.sbc(), null, Instant.ofEpochSecond(call.start()).toString(), call.correlationId(), null,
                    call.id(), call.user(), null, null, RecordFormat.JSON, true, ++line));
        }
        return records;
    }

    private Card note(String line) {
        return cards.note("Window report", List.of(line), List.of());
    }

    private static String key(String incidentId) {
        return PREFIX + Subscriptions.hash(incidentId);
    }
}
