package dev.callcodes.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's families and products as {@code catalog/families.yaml} describes them: each family's label, rank and
 * the products its codes apply to, and each product's label. Part of the loaded {@link Catalog}. Immutable.
 */
public final class Families {

    /** One family: what cards call it, where answers list it (1 first), the products its codes apply to. */
    public record Family(String id, String label, int rank, List<String> appliesTo) {
        public Family {
            appliesTo = List.copyOf(appliesTo);
        }
    }

    /** One product an entry may apply to, and what cards call it. */
    public record Product(String id, String label) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Map<String, Product> products = new LinkedHashMap<>();

    Families(List<Family> families, List<Product> products) {
        families.stream().sorted(Comparator.comparingInt(Family::rank)).forEach(f -> {
            if (this.families.putIfAbsent(f.id(), f) != null) {
                throw new CatalogException("Duplicate family in families.yaml: " + f.id());
            }
        });
        for (Product product : products) {
            if (this.products.putIfAbsent(product.id(), product) != null) {
                throw new CatalogException("Duplicate product in families.yaml: " + product.id());
            }
        }
    }

    /** No family and no product: labels are ids, and every rank is the same. */
    static final Families NONE = new Families(List.of(), List.of());

    /** Every family, best rank first. */
    public List<Family> all() {
        return List.copyOf(families.values());
    }

    public Optional<Family> family(String id) {
        return Optional.ofNullable(families.get(id));
    }

    /** What cards call the family; its id when families.yaml does not list it. */
    public String label(String family) {
        Family f = families.get(family);
        return f == null ? family : f.label();
    }

    /** Where answers list the family: lower first; after every listed family when families.yaml does not list it. */
    public int rank(String family) {
        Family f = families.get(family);
        return f == null ? Integer.MAX_VALUE : f.rank();
    }

    public List<Product> products() {
        return List.copyOf(products.values());
    }

    /** What cards call the product; its id when families.yaml does not list it. */
    public String productLabel(String product) {
        Product p = products.get(product);
        return p == null ? product : p.label();
    }
}
