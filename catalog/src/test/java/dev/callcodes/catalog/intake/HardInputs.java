package dev.callcodes.catalog.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Every class of input that once took quadratic time or blew the stack (the hardening probe's findings) and a few
 * more, by name, as a function of its length in characters. {@code HardInputsTest} reads each at a million
 * characters; {@code LinearTimeHarness} in benchmarks measures how their reading time grows.
 */
public final class HardInputs {

    private HardInputs() {
    }

    public static Map<String, IntFunction<String>> all() {
        Map<String, IntFunction<String>> inputs = new LinkedHashMap<>();
        inputs.put("a run of letters without spaces", n -> "a".repeat(n));
        inputs.put("a run of digits without spaces", n -> "1".repeat(n));
        inputs.put("a run of hex digits (GUID-like)", n -> "a1".repeat(n / 2));
        inputs.put("a label followed by spaces", n -> "Final SIP code:" + " ".repeat(n) + "403");
        inputs.put("a label followed by tabs", n -> "Final Microsoft subcode:" + "\t".repeat(n) + "510559");
        inputs.put("'<a ' repeated", n -> "<a ".repeat(n / 3));
        inputs.put("'<at> ' repeated", n -> "<at> ".repeat(n / 5));
        inputs.put("'<p>' repeated (HTML)", n -> "<p>".repeat(n / 3));
        inputs.put("a port followed by a long list", n -> "port " + "1,".repeat(n / 2));
        inputs.put("a CSV cell of 'a.a.a...'", n -> "Final SIP code,Final Microsoft subcode,SBC FQDN\n403,510559,"
                + "a.".repeat(n / 2));
        inputs.put("many SIP codes on one line", n -> "403 ".repeat(n / 4));
        inputs.put("many pairs on one line", n -> "510559 403 ".repeat(n / 11));
        inputs.put("many pairs, one per line", n -> "510559 403\n".repeat(n / 11));
        inputs.put("'+1' repeated (phone-like)", n -> "+1".repeat(n / 2));
        inputs.put("digits separated by single spaces", n -> "1 ".repeat(n / 2));
        inputs.put("nested JSON arrays", n -> "[".repeat(n));
        inputs.put("an unclosed JSON string", n -> "{\"finalSipCode\": 403, \"phrase\": \"" + "x".repeat(n));
        inputs.put("entities", n -> "&amp;".repeat(n / 5));
        inputs.put("a Markdown table of many rows", n -> "| SIP code | Microsoft code |\n|---|---|\n"
                + "| 403 | 510559 |\n".repeat(n / 17));
        inputs.put("SIP header lines", n -> "SIP/2.0 403 Forbidden\n" + "Via: SIP/2.0/TLS 10.0.0.1:5061\n".repeat(n / 31));
        inputs.put("Reason headers", n -> "Reason: Q.850;cause=16;text=\"" + "a;".repeat(n / 2) + "\"");
        inputs.put("phrases without spaces between", n -> "Forbidden;".repeat(n / 10));
        return inputs;
    }
}
