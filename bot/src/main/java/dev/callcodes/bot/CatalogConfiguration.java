package dev.callcodes.bot;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.explain.Explainer;
import dev.callcodes.catalog.search.CatalogSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog is loaded once at start-up; a malformed catalog stops the app with the file and field named. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog() {
        return Catalog.loadEmbedded();
    }

    @Bean
    Explainer explainer(Catalog catalog) {
        return new Explainer(catalog);
    }

    @Bean
    CatalogSearch catalogSearch(Catalog catalog) {
        return new CatalogSearch(catalog);
    }
}
