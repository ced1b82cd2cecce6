package dev.callcodes.bot.server;

import dev.callcodes.bot.BotSettings;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Tomcat's connector, set from {@link BotSettings}: where it listens, and how long a client may take. Request
 * bodies are not read by Tomcat's threads at all ({@link RequestBodyGuard} receives them without blocking), so
 * these timeouts only bound what happens before and between requests.
 */
@Component
class ServerTuning implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** Request line and headers must arrive within this, and an idle keep-alive connection closes after it. */
    static final int CONNECTION_TIMEOUT_MILLIS = 10_000;
    static final int KEEP_ALIVE_TIMEOUT_MILLIS = 20_000;
    /** A body nobody reads is not drained: the connection is closed instead (a refused upload costs nothing). */
    static final int MAX_SWALLOW_BYTES = 0;

    private final BotSettings settings;

    ServerTuning(BotSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        String bind = settings.bindAddress();
        if (bind != null) {
            try {
                factory.setAddress(InetAddress.getByName(bind));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(BotSettings.LOCAL_BIND + "=" + bind + " is not an address", e);
            }
        }
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
                http.setKeepAliveTimeout(KEEP_ALIVE_TIMEOUT_MILLIS);
                http.setMaxSwallowSize(MAX_SWALLOW_BYTES);
            }
        });
    }
}
