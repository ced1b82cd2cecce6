package dev.callcodes.benchmarks.echo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The yardstick for the bot's speed: what Spring Boot and the Bot Framework SDK cost on their own, with the bot's
 * controller shape and connector settings and no CallCodes code. Authentication is off the way the bot's local mode
 * turns it off (no app ID: empty credentials), so both accept the same unsigned activities.
 */
@SpringBootApplication
public class EchoBotApplication {

    /** The bot's default for {@code CALLCODES_CONNECTOR_MAX_REQUESTS_PER_HOST}. */
    static final int MAX_REQUESTS_PER_HOST = 64;

    public static void main(String[] args) {
        SpringApplication.run(EchoBotApplication.class, args);
    }

    @Bean
    EchoAdapter echoAdapter() {
        return new EchoAdapter(MAX_REQUESTS_PER_HOST);
    }

    @Bean
    EchoBot echoBot() {
        return new EchoBot();
    }
}
