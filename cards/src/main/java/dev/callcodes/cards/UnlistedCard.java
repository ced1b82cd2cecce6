package dev.callcodes.cards;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.SipCodeInfo;
import dev.callcodes.catalog.explain.Answer;

import java.util.List;

/** The unlisted template's data: codes not in the catalog, what the rules say and the SIP code's general meaning. */
record UnlistedCard(String title, @JsonUnwrapped CardData.Header header, String matchLabel,
                    boolean hasNotes, boolean hasSip, String sipTitle, String sipMeaning, String sipInTeams,
                    String nextStep, List<Source> sources, String fallbackText, String speak) implements CardData {

    static final String CODE_PAGES =
            "https://learn.microsoft.com/en-us/microsoftteams/troubleshoot/phone-system/direct-routing/microsoft-sip-response-codes";

    static UnlistedCard of(Answer a) {
        String title = CardData.label(a, a.phrase() != null ? "\u201C" + a.phrase() + "\u201D"
                : "Q.850 cause " + a.q850Cause() + (a.q850() == null ? "" : " " + a.q850().name()));
        SipCodeInfo sip = a.sip();
        return new UnlistedCard(title, Header.of(a), a.match().label(), !a.notes().isEmpty(), sip != null,
                sip == null ? "" : "SIP " + sip.code() + " " + sip.reasonPhrase() + " in general",
                sip == null ? "" : sip.meaning(), sip == null ? "" : sip.inTeams(),
                a.originator() == Originator.SBC
                        ? "Next: find the call in your SBC's logs by time and number, and read which side sent the response and why."
                        : "Next: search for the words of the error, or open the official code pages below.",
                Source.of(sip != null ? sip.sources() : List.of(CODE_PAGES)),
                CardData.fallback(title, "", a.originator(), String.join(" ", a.notes())),
                CardData.spoken(title + ". " + a.match().label()));
    }
}
