package dev.callcodes.cards;

import dev.callcodes.catalog.Originator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Card presentation: originators' colours and styles, sources' button titles, periods. Their words are
 * {@code Wording}'s; families' labels are the rendered catalog's ({@code Families}).
 */
final class Labels {

    private Labels() {
    }

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** "3 May 2024 14:22 to 31 May 2024 23:59 UTC"; reports are in UTC, and admins span time zones. */
    static String period(Instant first, Instant last) {
        return DAY_TIME.format(first) + " to " + DAY_TIME.format(last) + " UTC";
    }

    /** Semantic colours and styles, so light, dark and high-contrast themes each use their own palette. */
    static String originatorColor(Originator originator) {
        return switch (originator) {
            case SBC -> "Warning";
            case MICROSOFT -> "Accent";
            case UNKNOWN -> "Default";
        };
    }

    static String originatorStyle(Originator originator) {
        return switch (originator) {
            case SBC -> "warning";
            case MICROSOFT -> "accent";
            case UNKNOWN -> "emphasis";
        };
    }

    /** A short button title for an official page, from its address. */
    static String sourceTitle(String url) {
        if (url.contains("rfc-editor.org/rfc/rfc")) {
            return "RFC " + url.replaceAll(".*rfc-editor\\.org/rfc/rfc(\\d+).*", "$1");
        }
        if (url.contains("iana.org")) {
            return "IANA SIP registry";
        }
        if (url.contains("microsoft-sip-response-codes-")) {
            return "Microsoft: SIP " + url.replaceAll(".*microsoft-sip-response-codes-(\\d+).*", "$1") + " codes";
        }
        if (url.contains("communication-services")) {
            return "Microsoft: ACS codes";
        }
        if (url.contains("graph/api")) {
            return "Microsoft Graph reference";
        }
        return "Official page";
    }
}
