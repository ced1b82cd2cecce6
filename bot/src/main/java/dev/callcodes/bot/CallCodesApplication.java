package dev.callcodes.bot;

import dev.callcodes.bot.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, two uses: {@code explain} and {@code search} run the command line without starting Spring or the web
 * server; anything else starts the bot.
 */
@SpringBootApplication
public class CallCodesApplication {

    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(args, System.in, System.out, System.err));
        }
        CatalogPreload.start();
        SpringApplication.run(CallCodesApplication.class, args);
    }
}
