package dev.callcodes.bot.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed arguments of one command: flags, options with a value, and the remaining words. "--" ends the options, so
 * text starting with "--" can still be explained.
 */
final class Options {

    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> values = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    private Options() {
    }

    /** Parses the arguments by the command's own declaration of its options. */
    static Options parse(String[] args, CommandSpec spec) throws UsageException {
        Set<String> knownFlags = new HashSet<>();
        Set<String> knownValued = new HashSet<>();
        for (CommandSpec.Option option : spec.options()) {
            (option.isFlag() ? knownFlags : knownValued).add(option.name());
        }
        Options options = new Options();
        boolean onlyWords = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlyWords || !arg.startsWith("--")) {
                options.words.add(arg);
            } else if (arg.equals("--")) {
                onlyWords = true;
            } else if (knownFlags.contains(arg)) {
                options.flags.add(arg);
            } else if (knownValued.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                options.values.put(arg, args[++i]);
            } else {
                throw new UsageException("unknown option '" + arg + "'; see 'help'");
            }
        }
        return options;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    String value(String option) {
        return values.get(option);
    }

    List<String> words() {
        return words;
    }
}
