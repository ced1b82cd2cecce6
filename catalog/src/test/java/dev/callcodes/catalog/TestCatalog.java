package dev.callcodes.catalog;

import dev.callcodes.catalog.explanation.CallCodes;

/** The embedded catalog and the engine over it, built once for all tests of the module. */
public final class TestCatalog {

    private static final Catalog CATALOG = Catalog.loadEmbedded();
    private static final CallCodes CODES = CallCodes.of(CATALOG);

    private TestCatalog() {
    }

    public static Catalog get() {
        return CATALOG;
    }

    public static CallCodes codes() {
        return CODES;
    }
}
