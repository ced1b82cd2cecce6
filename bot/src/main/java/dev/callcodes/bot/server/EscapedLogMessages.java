package dev.callcodes.bot.server;

import ch.qos.logback.classic.PatternLayout;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

import java.util.List;

/**
 * Makes {@code %m}, {@code %msg} and {@code %message} in every log pattern the escaped message
 * ({@link EscapedMessageConverter}), before Spring Boot configures logging. Spring Boot's own configuration stays
 * (programmatic, the console and the optional file): a {@code logback-spring.xml} that did the same, by including
 * Boot's {@code base.xml}, cost half a second of every start reading XML.
 *
 * <p>Registered in {@code META-INF/spring.factories}, so tests that start the application get it too.
 */
public final class EscapedLogMessages implements ApplicationListener<ApplicationStartingEvent> {

    static final List<String> MESSAGE_WORDS = List.of("m", "msg", "message");

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        install();
    }

    /** Logback's layouts read this map whenever one starts; Spring Boot's reset of the context leaves it. */
    static void install() {
        synchronized (PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP) {
            MESSAGE_WORDS.forEach(word -> PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(word,
                    EscapedMessageConverter::new));
        }
    }
}
