package dev.callcodes.watch.graph;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import dev.callcodes.watch.GraphSettings;
import dev.callcodes.watch.WatchedTenant;
import dev.callcodes.watch.calls.SourceException;

import javax.net.ssl.SSLSocketFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Client credentials through MSAL4J: a secret or a certificate. The token is kept here until five minutes before
 * it expires: MSAL's own app-token cache missed every time against a stub authority with instance discovery off
 * (measured: a new token request per call), and a poll must not ask Entra ID once per page. MSAL accepts only
 * https authorities; against a stub authority (not login.microsoftonline.com) instance
 * discovery is switched off, since it would ask Microsoft's public cloud about a host it does not know, and tests
 * pass the socket factory that trusts the stub's certificate. Each new token is shown to the {@link WatchedTenant},
 * which learns the tenant's ID from it when the tenant was configured as a domain.
 */
public final class MsalTokenProvider implements TokenProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final ConfidentialClientApplication app;
    private static final Duration EARLY = Duration.ofMinutes(5);
    private final Set<String> scopes;
    private final java.time.Clock clock;
    private final WatchedTenant tenant;
    private String cached;
    private java.time.Instant cachedUntil;

    public MsalTokenProvider(GraphSettings settings, WatchedTenant tenant, SSLSocketFactory trust)
            throws SourceException {
        this(settings, tenant, trust, java.time.Clock.systemUTC());
    }

    public MsalTokenProvider(GraphSettings settings, WatchedTenant tenant, SSLSocketFactory trust,
                             java.time.Clock clock) throws SourceException {
        this.clock = clock;
        this.tenant = tenant;
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
                    .builder(settings.clientId(), credential(settings))
                    .authority(settings.tenantAuthority())
                    .connectTimeoutForDefaultHttpClient(10_000)
                    .readTimeoutForDefaultHttpClient(30_000);
            if (!settings.defaultAuthority()) {
                builder.instanceDiscovery(false);
            }
            if (trust != null) {
                builder.sslSocketFactory(trust);
            }
            this.app = builder.build();
        } catch (SourceException e) {
            throw e;
        } catch (Exception e) {
            throw new SourceException(SourceException.Problem.CREDENTIALS,
                    "the Graph credentials cannot be used: " + e.getMessage(), e);
        }
        this.scopes = Set.of(settings.scope());
    }

    private static IClientCredential credential(GraphSettings settings) throws SourceException {
        if (!settings.usesCertificate()) {
            return ClientCredentialFactory.createFromSecret(settings.clientSecret());
        }
        try (InputStream in = Files.newInputStream(settings.certificatePath())) {
            return ClientCredentialFactory.createFromCertificate(in, settings.certificatePassword());
        } catch (Exception e) {
            throw new SourceException(SourceException.Problem.CREDENTIALS, "CALLCODES_GRAPH_CERTIFICATE_PATH: '"
                    + settings.certificatePath() + "' cannot be read as PKCS#12 with the password given ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public synchronized String token(boolean refresh) throws SourceException {
        if (!refresh && cached != null && clock.instant().isBefore(cachedUntil)) {
            return cached;
        }
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(scopes).skipCache(refresh).build();
        try {
            IAuthenticationResult result = app.acquireToken(parameters).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            cached = result.accessToken();
            cachedUntil = result.expiresOnDate().toInstant().minus(EARLY);
            tenant.learnFrom(cached);
            return cached;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(SourceException.Problem.UNREACHABLE, "interrupted while getting a token", e);
        } catch (TimeoutException e) {
            throw new SourceException(SourceException.Problem.UNREACHABLE,
                    "the token endpoint did not answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw refusal(e.getCause() == null ? e : e.getCause());
        }
    }

    private static SourceException refusal(Throwable cause) {
        if (cause instanceof MsalServiceException service && service.statusCode() != null
                && service.statusCode() >= 400 && service.statusCode() < 500) {
            return new SourceException(SourceException.Problem.CREDENTIALS,
                    TokenRefusal.reason(service.errorCode(), service.getMessage()), cause);
        }
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new SourceException(SourceException.Problem.UNREACHABLE,
                "the token endpoint cannot be reached: " + TokenRefusal.firstSentence(what), cause);
    }
}
