package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;

/**
 * The connector client's JSON without the SDK's flattening serializer. {@code FlatteningSerializer} wraps every bean
 * serializer of {@link JacksonAdapter}: for each activity it walks the object by reflection, converts it to a tree,
 * deep-copies the tree and matches two regular expressions (compiled on each call) against every key, only to
 * support {@code @JsonFlatten}, which no class of bot-schema 4.14.3 carries. With an answer card's hundreds of keys
 * that was the largest cost of a reply. What remains is the SDK's own mapper settings and modules
 * ({@link JacksonAdapter#simpleMapper}), so the bytes are the same ({@code ConnectorJsonTest} compares them).
 */
final class ConnectorJson extends JacksonAdapter {

    @Override
    public ObjectMapper serializer() {
        return simpleMapper();
    }
}
