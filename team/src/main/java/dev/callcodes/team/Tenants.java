package dev.callcodes.team;

import dev.callcodes.store.Keys;

import java.util.Locale;

/**
 * Tenant ids as they appear in keys. Every team document lives under its tenant's id, and every service call takes
 * the tenant from the activity (never from user text), so nothing reads across tenants.
 */
public final class Tenants {

    /** The tenant of the local chat page and other activities that carry none. */
    public static final String LOCAL = "local";

    private Tenants() {
    }

    /** The key segment of a tenant id (an Entra tenant GUID, or {@link #LOCAL}), lowercased. */
    public static String key(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a tenant id is required");
        }
        return Keys.segment("the tenant id", tenantId.strip().toLowerCase(Locale.ROOT));
    }
}
