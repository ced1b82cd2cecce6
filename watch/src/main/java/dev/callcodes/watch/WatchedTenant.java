package dev.callcodes.watch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tenant whose call records the watch reads, so that its alerts and digests go to that tenant's conversations
 * only: a bot installed in several tenants must never show one tenant's call failures to another. A GUID in
 * {@code CALLCODES_GRAPH_TENANT_ID} is the ID at once. A domain ({@code contoso.onmicrosoft.com}) is resolved by the
 * authority, not here: the ID is learned from the {@code tid} claim of the access tokens the watch gets. Until the
 * first token, and for good when a token carries no {@code tid} (opaque), no conversation matches: fail closed. The
 * demo reads no tenant's calls, so every conversation matches.
 */
public final class WatchedTenant {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedTenant.class);

    /** Whether a conversation of a given tenant may see the watch's alerts. */
    public enum Match { YES, NO, UNKNOWN }

    /** As configured: a GUID or a domain; null for the demo. */
    private final String configured;
    private final boolean learns;
    private volatile String id;
    /** Why the tokens do not tell the ID, once one did not; null while waiting for the first. */
    private volatile String problem;
    private final AtomicBoolean warned = new AtomicBoolean();

    private WatchedTenant(String configured) {
        this.configured = configured;
        boolean guid = configured != null && WatchSettings.GUID.matcher(configured).matches();
        this.learns = configured != null && !guid;
        this.id = guid ? configured : null;
    }

    /** The Graph source's tenant; for the demo (and a watch that is off) any conversation's. */
    public static WatchedTenant of(WatchSettings settings) {
        boolean graph = settings.source() == WatchSettings.Source.GRAPH && settings.graph() != null;
        return new WatchedTenant(graph ? settings.graph().tenantId() : null);
    }

    /** Reads the ID from each new access token when the tenant was configured as a domain; never logs the token. */
    public void learnFrom(String accessToken) {
        if (!learns) {
            return;
        }
        TenantClaim claim = TenantClaim.read(accessToken);
        if (claim.tenantId() != null) {
            String before = id;
            id = claim.tenantId();
            problem = null;
            if (!claim.tenantId().equalsIgnoreCase(before)) {
                LOG.info("watch: tenant {} is {} (from its access token); its alerts go to that tenant's"
                        + " conversations only", configured, claim.tenantId());
            }
            return;
        }
        if (id == null) {
            problem = claim.problem();
            if (warned.compareAndSet(false, true)) {
                LOG.warn("watch: {}, so the ID of tenant {} is not known and no conversation gets the watch's alerts:"
                        + " set {} to the directory (tenant) ID, a GUID, instead of the domain", claim.problem(),
                        configured, WatchSettings.TENANT_ID);
            }
        }
    }

    /** The directory (tenant) ID once known; empty for the demo, and before or without a token that tells it. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public Match match(String conversationTenant) {
        if (configured == null) {
            return Match.YES;
        }
        String known = id;
        if (known == null) {
            return Match.UNKNOWN;
        }
        return known.equalsIgnoreCase(conversationTenant) ? Match.YES : Match.NO;
    }

    /** A domain, and no token read yet: the ID may still come (alerts wait for it rather than go nowhere). */
    public boolean pending() {
        return learns && id == null && problem == null;
    }

    /** Why no conversation matches yet (for {@link Match#UNKNOWN}), in words for the chat. */
    public String unknownReason() {
        String why = problem;
        return why == null
                ? "The watch has not got its first token yet, so it cannot tell whether this conversation belongs to"
                + " the tenant whose calls it reads: alerts come here once it can."
                : "The watch cannot tell which tenant its calls belong to (" + why + "): no conversation gets alerts"
                + " until " + WatchSettings.TENANT_ID + " is set to the directory (tenant) ID.";
    }

}
