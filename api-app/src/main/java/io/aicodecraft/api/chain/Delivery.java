package io.aicodecraft.api.chain;

import redis.clients.jedis.StreamEntryID;

import java.util.UUID;

/** A task handed to a worker by the stream: entry {@code entry} says "run {@code task} of {@code chain}". */
public record Delivery(StreamEntryID entry, UUID chain, String task) {
}
