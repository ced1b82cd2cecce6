package dev.callcodes.catalog.intake;

/**
 * The one writer of text that asks for a pair again: card buttons, the message action, the message extension.
 * It lives beside the reader because what it writes must read back to the same pair (a test checks every pair of
 * the catalog): "510559 403" where the short form is unambiguous, labelled fields where it is not ("SIP code 487,
 * Microsoft code 0"), and the official phrase under its label when it must pick one of several variants.
 */
public final class QueryText {

    private QueryText() {
    }

    /** Text that reads back to this pair; either code may be null (not both). */
    public static String of(String microsoftCode, Integer sipCode) {
        return of(microsoftCode, sipCode, null);
    }

    /** Text that reads back to this pair and, with a phrase, to the variant that has it. */
    public static String of(String microsoftCode, Integer sipCode, String phrase) {
        if (microsoftCode == null && sipCode == null) {
            throw new IllegalArgumentException("a query needs a Microsoft code or a SIP code");
        }
        String codes;
        if (microsoftCode != null && sipCode != null) {
            codes = shortMicrosoftCode(microsoftCode) && shortSipCode(sipCode)
                    ? microsoftCode + " " + sipCode
                    : "SIP code " + sipCode + ", Microsoft code " + microsoftCode;
        } else if (microsoftCode != null) {
            codes = shortMicrosoftCode(microsoftCode) ? microsoftCode : "Microsoft code " + microsoftCode;
        } else {
            codes = "SIP " + sipCode;
        }
        return phrase == null || phrase.isBlank() ? codes
                : codes + "\nFinal SIP phrase: " + phrase.replace('\n', ' ').replace('\t', ' ').strip();
    }

    /** A Microsoft code that reads as one without a label: six digits in the Teams shape. */
    private static boolean shortMicrosoftCode(String code) {
        return code.length() == 6 && code.charAt(0) == '5' && code.chars().allMatch(Character::isDigit);
    }

    private static boolean shortSipCode(int code) {
        return code >= 100 && code <= 699;
    }
}
