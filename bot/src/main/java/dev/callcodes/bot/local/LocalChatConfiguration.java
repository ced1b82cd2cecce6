package dev.callcodes.bot.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcodes.bot.BotSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.time.Clock;

/**
 * The local chat page at {@code /}, for trying the bot without Teams. Everything it needs is declared here, not
 * component-scanned, so that with an app ID (see {@link LocalChatCondition}) not one of its routes exists. The
 * page lives in {@code classpath:/local-chat/}, outside the folders Spring Boot serves on its own.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LocalChatCondition.class)
class LocalChatConfiguration implements WebMvcConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(LocalChatConfiguration.class);

    /** A busy afternoon of testing fits; a script posting in a loop cannot grow the heap past the byte budget. */
    static final int ACTIVITIES_PER_CONVERSATION = 200;
    static final int CONVERSATIONS = 1_000;
    static final long MAILBOX_BYTES = 64L * 1024 * 1024;

    @Bean
    Mailbox localChatMailbox() {
        return new Mailbox(ACTIVITIES_PER_CONVERSATION, CONVERSATIONS, MAILBOX_BYTES);
    }

    @Bean
    LocalFiles localFiles(LocalFileLinks links, ObjectMapper json, BotSettings settings) {
        return new LocalFiles(links, json, settings.maxReportBytes(), Clock.systemUTC());
    }

    @Bean
    RouterFunction<ServerResponse> localChatRoutes(Mailbox localChatMailbox, LocalFiles localFiles, ObjectMapper json) {
        LocalConnector connector = new LocalConnector(localChatMailbox, json);
        PageFeed feed = new PageFeed(localChatMailbox, json);
        return RouterFunctions.route()
                .POST(LocalConnector.ACTIVITY, connector::send)
                .POST(LocalConnector.ACTIVITIES, connector::send)
                .PUT(LocalConnector.ACTIVITY, connector::update)
                .GET(PageFeed.ACTIVITIES, feed::activities)
                .POST(LocalFiles.UPLOAD, localFiles::upload)
                .GET(LocalFiles.DOWNLOAD, localFiles::download)
                .build();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // no-cache revalidates, so a rebuilt jar's page is picked up without a hard reload
        registry.addResourceHandler("/local-chat/**")
                .addResourceLocations("classpath:/local-chat/")
                .setCacheControl(CacheControl.noCache());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/local-chat/index.html");
    }

    @EventListener
    void announce(WebServerInitializedEvent event) {
        LOG.info("Local chat page: http://localhost:{}/ (no MicrosoftAppId, so no Teams and no sign-in; anyone who"
                + " can reach this port can chat with the bot)", event.getWebServer().getPort());
    }
}
