package dev.callcodes.bot.access;

import dev.callcodes.bot.BotSettings;
import dev.callcodes.bot.server.Problem;
import dev.callcodes.bot.server.Refusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Who may call the REST API ({@code /api/*} but {@code /api/messages}, which the Bot Framework's own token guards)
 * and the operations endpoints ({@code /actuator/*} but health and info, which probes call): per
 * {@code CALLCODES_API_AUTH}, anyone ({@code none}, the local default), a caller with one of the API keys
 * ({@code api-key}), or a caller with an Entra ID token for the app ({@code entra}, the default of a deployed bot).
 * It runs first, before a request's body is received.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiAccessFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiAccessFilter.class);

    /** One way of checking a caller; the refusal's message, or null to let the request in. */
    interface Check {
        Refusal check(HttpServletRequest request);
    }

    /** Why a caller was refused, with the kind (its status) and the WWW-Authenticate challenge to answer with. */
    record Refusal(Problem kind, String message, String challenge) {
    }

    private final Check check;
    private final BotSettings.ApiAuth auth;

    ApiAccessFilter(BotSettings settings) {
        BotSettings.Api api = settings.api();
        this.auth = api.auth();
        this.check = switch (api.auth()) {
            case NONE -> request -> null;
            case API_KEY -> new ApiKeys(api.keys());
            case ENTRA -> new EntraTokens(new OpenIdKeys(HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build(),
                    api.openIdMetadata(), Clock.systemUTC()), api.audience(), Clock.systemUTC());
        };
        if (api.auth() == BotSettings.ApiAuth.NONE && settings.authenticationEnabled()) {
            LOG.warn("{}=none: the REST API and /actuator/metrics answer anyone who can reach this app",
                    BotSettings.API_AUTH);
        }
    }

    /** The paths this filter guards. */
    static boolean guarded(String path) {
        if (path.startsWith("/api/")) {
            return !path.equals("/api/messages");
        }
        if (path.equals("/actuator") || path.startsWith("/actuator/")) {
            return !(path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                    || path.equals("/actuator/info"));
        }
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return auth == BotSettings.ApiAuth.NONE || !guarded(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Refusal refusal = check.check(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        if (refusal.challenge() != null) {
            response.setHeader("WWW-Authenticate", refusal.challenge());
        }
        Refusals.unread(request, response, refusal.kind().detail(refusal.message(), null));
    }
}
