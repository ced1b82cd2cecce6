package dev.callcodes.bot.cli;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.explain.Explainer;
import dev.callcodes.catalog.report.Reports;
import dev.callcodes.catalog.search.CatalogSearch;

/** The embedded catalog and what is built on it, loaded on first use (help needs none of it). */
final class Engines {

    private static final class Holder {
        static final Catalog CATALOG = Catalog.loadEmbedded();
        static final Explainer EXPLAINER = new Explainer(CATALOG);
        static final CatalogSearch SEARCH = new CatalogSearch(CATALOG);
        static final AnswerCards CARDS = new AnswerCards();
        static final Reports REPORTS = new Reports(EXPLAINER);
    }

    private Engines() {
    }

    static Explainer explainer() {
        return Holder.EXPLAINER;
    }

    static CatalogSearch search() {
        return Holder.SEARCH;
    }

    static Reports reports() {
        return Holder.REPORTS;
    }

    static AnswerCards cards() {
        return Holder.CARDS;
    }
}
