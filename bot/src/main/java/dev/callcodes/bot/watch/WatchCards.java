package dev.callcodes.bot.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcodes.cards.Card;
import dev.callcodes.cards.template.Template;
import dev.callcodes.cards.template.TemplateException;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.Wording;
import dev.callcodes.watch.calls.CodeFamily;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.detect.AlertKind;
import dev.callcodes.watch.detect.Incident;
import dev.callcodes.watch.detect.IncidentType;
import dev.callcodes.watch.digest.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The watch's cards, from the templates under {@code watch-cards/} filled with typed data: an alert (opened, grown,
 * resolved), the daily digest, and the short notes {@code watch} answers with. Every value from calls (SBC names,
 * phrases, correlation ids) goes in as data, in text runs, never as markup.
 */
final class WatchCards {

    static final String ALERT = "alert";
    static final String DIGEST = "digest";
    static final String NOTE = "note";
    /** Rows of one list in the digest: enough to act on, and the card stays far below Teams' 28 KB. */
    static final int MAX_ROWS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Template alert = template(ALERT);
    private final Template digest = template(DIGEST);
    private final Template note = template(NOTE);

    record Fact(String title, String value) {
    }

    /** What the alert template shows. */
    record AlertData(String label, String color, String style, String title, String headline, List<Fact> facts,
                     String phrase, boolean hasPhrase, String familyNote, boolean hasFamilyNote, boolean hasReport,
                     String reportText, boolean hasPair, String explainTitle, String explainText, boolean canMute,
                     String muteText, String fallbackText) {
    }

    record DigestData(String title, String subtitle, List<Fact> totals, List<Fact> pairs, boolean hasPairs,
                      List<Fact> sbcs, boolean hasSbcs, List<Fact> changes, boolean hasChanges, String note,
                      boolean hasNote, String fallbackText) {
    }

    record NoteData(String title, List<String> lines, List<Fact> facts, boolean hasFacts, String fallbackText) {
    }

    Card alert(Alert a) {
        boolean resolved = a.kind() == AlertKind.RESOLVED;
        boolean silence = a.reasons().contains(IncidentType.SILENCE);
        String subject = silence ? a.sbc() + " carries no calls" : pairLabel(a.pair()) + " on " + a.sbc();
        String label = switch (a.kind()) {
            case OPENED -> silence ? "An SBC went silent" : "Calls are failing";
            case UPDATED -> "Still failing, and growing";
            case RESOLVED -> "Resolved: back to normal";
        };
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("What changed", reasons(a.reasons())));
        facts.add(new Fact("Since", TIME.format(a.since())));
        if (resolved) {
            facts.add(new Fact("Resolved", TIME.format(a.at())));
        }
        facts.add(new Fact("SBC", a.sbc()));
        if (!silence) {
            facts.add(new Fact("Code pair", pairLabel(a.pair())));
            facts.add(new Fact("Sent by", sentBy(a.originator(), a.family())));
        }
        facts.add(new Fact("Window", TIME.format(a.windowStart()) + " to " + TIME.format(a.windowEnd())));
        if (silence) {
            facts.add(new Fact("Calls in the window", a.callsInWindow() + " (about "
                    + Math.round(a.expectedCalls()) + " expected)"));
        } else {
            facts.add(new Fact("Calls in the window", a.callsInWindow() + " on this SBC, " + a.failuresInWindow()
                    + " ended with this pair"));
            facts.add(new Fact("Failure rate", Wording.share(a.rate()) + " (usually " + Wording.share(a.baselineRate()) + ")"));
            facts.add(new Fact("Failed calls so far", Long.toString(a.affectedCalls())));
            facts.add(new Fact("Users affected", a.affectedUsers() + (a.usersCapped() ? " or more" : "")));
        }
        if (a.exampleCorrelationId() != null && !a.exampleCorrelationId().isBlank()) {
            facts.add(new Fact("Example correlation ID", a.exampleCorrelationId()));
        }
        String familyNote = silence || a.family() == null ? null : familyNote(a.family());
        boolean hasPair = !silence && a.pair() != null && a.pair().microsoftCode() != null;
        String headline = resolved ? "The failures of " + subject + " are back to normal." : a.headline();
        AlertData data = new AlertData(label, resolved ? "Good" : "Attention", resolved ? "good" : "attention",
                subject, headline, facts, a.phrase(), a.phrase() != null && !a.phrase().isBlank(),
                familyNote, familyNote != null, !silence, "report " + a.incidentId(), hasPair,
                hasPair ? "Explain " + pairLabel(a.pair()) : "", hasPair ? explainText(a.pair()) : "", !resolved, "mute " + a.incidentId(),
                label + ": " + subject + ". " + headline);
        return new Card(ALERT, alert.expand(JSON.valueToTree(data)), shorten(label + ": " + subject));
    }

    /** An incident open when a conversation subscribes: the alert it missed, as it stands now. */
    Card openIncident(Incident incident, Instant now) {
        CodePair pair = incident.pair() == null ? null : CodePair.parse(incident.pair());
        boolean silence = incident.reasons().contains(IncidentType.SILENCE);
        String subject = silence ? incident.sbc() + " carries no calls" : pairLabel(pair) + " on " + incident.sbc();
        String headline = silence ? incident.sbc() + " has carried no calls since " + TIME.format(incident.since())
                : incident.affectedCalls() + " calls on " + incident.sbc() + " failed with " + pairLabel(pair)
                        + " since " + TIME.format(incident.since());
        Alert alert = new Alert(incident.id() + "#open", incident.id(), AlertKind.OPENED, incident.reasons(),
                incident.sbc(), pair, pair == null ? null : pair.family(), pair == null ? null : pair.originator(),
                incident.phrase(), incident.since(), now, incident.since(), now, incident.callsInWindow(),
                incident.failuresInWindow(), incident.rate(), incident.baselineRate(), incident.expectedCalls(),
                incident.affectedCalls(), incident.users().size(), incident.users().size() >= Incident.MAX_USERS,
                incident.exampleCorrelationId(), headline);
        Card card = alert(alert);
        return new Card(card.template(), card.content(), shorten("Open: " + subject));
    }

    Card digest(Digest d) {
        List<Fact> totals = List.of(
                new Fact("Calls", Long.toString(d.calls())),
                new Fact("Failed", d.failed() + (d.calls() > 0 ? " (" + Wording.share((double) d.failed() / d.calls()) + ")"
                        : "")),
                new Fact("Sent by an SBC", Long.toString(d.sbcFailures())),
                new Fact("Sent by Microsoft", Long.toString(d.microsoftFailures())),
                new Fact("No Microsoft code", Long.toString(d.unknownFailures())));
        List<Fact> pairs = d.failuresByPair().stream().limit(MAX_ROWS)
                .map(p -> new Fact(pairLabel(p.pair()), p.failures() + " (" + Wording.share(p.share()) + ", "
                        + sentBy(p.originator(), p.family()) + ")"))
                .toList();
        List<Fact> sbcs = d.bySbc().stream().limit(MAX_ROWS)
                .map(s -> new Fact(s.sbc(), s.calls() + " calls, " + s.failed() + " failed (a day of the week before: "
                        + Math.round(s.weekBeforeCalls()) + " calls, " + Math.round(s.weekBeforeFailed()) + " failed)"))
                .toList();
        List<Fact> changes = d.changes().stream().limit(5)
                .map(c -> new Fact(pairLabel(c.pair()), c.failures() + " failures (about "
                        + Math.round(c.weekBeforePerDay()) + " a day the week before)"))
                .toList();
        String title = "Calls on " + d.day() + " (" + d.zone().getId() + ")";
        String subtitle = d.calls() + " calls, " + d.failed() + " failed";
        String note = d.complete() ? null : d.note();
        DigestData data = new DigestData(title, subtitle, totals, pairs, !pairs.isEmpty(), sbcs, !sbcs.isEmpty(),
                changes, !changes.isEmpty(), note, note != null, title + ": " + subtitle);
        return new Card(DIGEST, digest.expand(JSON.valueToTree(data)), shorten(title + ": " + subtitle));
    }

    Card note(String title, List<String> lines, List<Fact> facts) {
        NoteData data = new NoteData(title, lines, facts, !facts.isEmpty(),
                title + (lines.isEmpty() ? "" : " " + String.join(" ", lines)));
        return new Card(NOTE, note.expand(JSON.valueToTree(data)), shorten(title));
    }

    static String pairLabel(CodePair pair) {
        if (pair == null) {
            return "no code";
        }
        String ms = pair.microsoftCode();
        Integer sip = pair.sipCode();
        if (ms != null && sip != null) {
            return ms + " / SIP " + sip;
        }
        return ms != null ? ms : "SIP " + sip;
    }

    /** What "explain" is sent when the alert's button is pressed: the two codes, as a person would type them. */
    static String explainText(CodePair pair) {
        return pair.sipCode() == null ? pair.microsoftCode() : pair.microsoftCode() + " " + pair.sipCode();
    }

    private static String reasons(Set<IncidentType> reasons) {
        return reasons.stream().sorted().map(r -> switch (r) {
            case NEW_PAIR -> "a code pair not seen on this SBC in 30 days";
            case RATE -> "failures well above this SBC's usual rate";
            case SILENCE -> "no calls where there usually are";
        }).collect(Collectors.joining("; "));
    }

    private static String sentBy(Originator originator, CodeFamily family) {
        if (family == CodeFamily.TLS_CONNECTION) {
            return "Microsoft, about the SBC connection";
        }
        return originator == Originator.SBC ? "the SBC or its carrier" : originator == null ? "unknown" : "Microsoft";
    }

    private static String familyNote(CodeFamily family) {
        return switch (family) {
            case TLS_CONNECTION -> "A TLS or connection failure (569xxx): Microsoft could not reach the SBC or agree on"
                    + " TLS with it. Look at the SBC's certificate, its reachability and the firewall first.";
            case SBC_GENERATED -> "The SBC or the carrier behind it sent this response (560xxx): look at the SBC's"
                    + " logs and the carrier first.";
            default -> null;
        };
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private static Template template(String name) {
        String resource = "watch-cards/" + name + ".json";
        try (InputStream in = WatchCards.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new TemplateException(name, "$", "resource missing from the class path: " + resource);
            }
            return Template.compile(name, JSON.readTree(in));
        } catch (IOException e) {
            throw new TemplateException(name, "$", "not valid JSON: " + e.getMessage());
        }
    }

}
