package dev.callcodes.cards.template;

import com.fasterxml.jackson.databind.JsonNode;

/** Where names resolve: the current $data, the $root data and, inside a repetition, $index. */
record Scope(JsonNode data, JsonNode root, Integer index) {

    Scope withData(JsonNode newData, Integer newIndex) {
        return new Scope(newData, root, newIndex);
    }
}
