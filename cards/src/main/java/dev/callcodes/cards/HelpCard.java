package dev.callcodes.cards;

import java.util.List;
import java.util.stream.Collectors;

/** The help template's data: a greeting, examples to try and the commands. */
record HelpCard(String greeting, List<Example> examples, List<Command> commands, String fallbackText, String speak)
        implements CardData {

    static final List<Example> EXAMPLES = List.of(
            new Example("510559 403", "what is 510559 403"),
            new Example("560403", "560403"),
            new Example("SIP 488", "SIP 488"),
            new Example("Phrase", "Forbidden; Call rejected"),
            new Example("Admin center row", "Final SIP code: 504, Final Microsoft subcode: 569008"));

    static final List<Command> COMMANDS = List.of(
            new Command("Codes", "Send the SIP code and the Microsoft code, in any order: 510559 403"),
            new Command("Paste", "Rows, CSV exports, Graph or ACS JSON, SIP traces: a summary with every code counted"),
            new Command("Upload", "In our personal chat, send the admin center's CSV export or its .zip"),
            new Command("search", "Finds codes by their words, typos and all: search certificate expired"),
            new Command("help", "Shows this card"));

    static HelpCard of(String greeting) {
        return new HelpCard(greeting, EXAMPLES, COMMANDS, greeting + " Send me the codes of a failed Teams call, for example: "
                + EXAMPLES.stream().map(Example::text).collect(Collectors.joining("; ")), CardData.spoken(greeting));
    }

    /** A button: its title, and the text it sends. */
    record Example(String title, String text) {
    }

    record Command(String name, String description) {
    }
}
