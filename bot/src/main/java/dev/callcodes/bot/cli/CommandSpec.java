package dev.callcodes.bot.cli;

import java.util.List;

/**
 * One command's words and options, declared once: {@link Options#parse} reads the options from it and
 * {@code help} prints it, so an option cannot be accepted without being documented, nor documented without being
 * accepted.
 *
 * @param name     the command word
 * @param operands what follows the options in the synopsis ("[TEXT...]", "export|import"), or empty
 * @param summary  what the command does, one or more lines
 * @param options  its options, in the order help lists them
 */
record CommandSpec(String name, String operands, String summary, List<Option> options) {

    /** An option; {@code value} names its value in help ("PATH"), null for a flag. */
    record Option(String name, String value, String help) {
        static Option flag(String name, String help) {
            return new Option(name, null, help);
        }

        static Option valued(String name, String value, String help) {
            return new Option(name, value, help);
        }

        boolean isFlag() {
            return value == null;
        }

        String usage() {
            return isFlag() ? name : name + " " + value;
        }
    }

    /** The synopsis, the summary and one line an option, indented for the help text. */
    String help(String program) {
        StringBuilder synopsis = new StringBuilder("  ").append(program).append(' ').append(name);
        if (!operands.isEmpty() && !operands.startsWith("[")) {
            synopsis.append(' ').append(operands);
        }
        for (Option option : options) {
            synopsis.append(" [").append(option.usage()).append(']');
        }
        if (operands.startsWith("[")) {
            synopsis.append(' ').append(operands);
        }
        StringBuilder text = new StringBuilder(synopsis).append('\n');
        summary.lines().forEach(line -> text.append("      ").append(line).append('\n'));
        int width = options.stream().mapToInt(o -> o.usage().length()).max().orElse(0);
        for (Option option : options) {
            text.append("      ").append(option.usage()).append(" ".repeat(width - option.usage().length() + 2))
                    .append(option.help()).append('\n');
        }
        return text.toString();
    }
}
