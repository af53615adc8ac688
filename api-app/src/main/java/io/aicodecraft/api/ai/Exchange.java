package io.aicodecraft.api.ai;

/** One earlier turn of a conversation: what the user said and what the model answered. */
public record Exchange(String user, String assistant) {
}
