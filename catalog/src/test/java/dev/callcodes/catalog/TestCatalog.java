package dev.callcodes.catalog;

/** The embedded catalog, loaded once for all tests of the module. */
public final class TestCatalog {

    private static final Catalog CATALOG = Catalog.loadEmbedded();

    private TestCatalog() {
    }

    public static Catalog get() {
        return CATALOG;
    }
}
