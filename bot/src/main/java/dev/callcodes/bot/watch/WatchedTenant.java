package dev.callcodes.bot.watch;

/**
 * Whose calls the watch reads, and so which conversations may see them: a multi-tenant bot never shows one tenant's
 * calls (an alert, a window's report) to another.
 *
 * @param id the tenant whose calls are read; null when any conversation may see them (the demo)
 */
record WatchedTenant(String id) {

    static final WatchedTenant ANY = new WatchedTenant(null);

    /** A conversation of no known tenant (a local chat, an old reference) is the app's own. */
    boolean admits(String tenantId) {
        return id == null || tenantId == null || tenantId.isBlank() || id.equalsIgnoreCase(tenantId);
    }
}
