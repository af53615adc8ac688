package io.aicodecraft.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.generation.Cursor;
import io.aicodecraft.api.generation.Outcome;
import io.aicodecraft.api.generation.Page;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;


/** Writes JSON responses: single results with their {@code cached} flag, and history pages. */
public final class JsonReply {
    private final ObjectMapper json;

    public JsonReply(ObjectMapper json) {
        this.json = json;
    }

    public void outcome(ServerResponse res, Outcome<?> outcome) {
        ObjectNode body = json.valueToTree(outcome.result());
        body.put("cached", outcome.cached());
        send(res, Status.OK_200, body);
    }

    public void page(ServerResponse res, Page<?> page) {
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(item -> items.add(json.valueToTree(item)));
        body.put("nextCursor", page.next().map(Cursor::encode).orElse(null));
        send(res, Status.OK_200, body);
    }

    public void send(ServerResponse res, Status status, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the response", e);
        }
        res.status(status);
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(bytes);
    }
}
