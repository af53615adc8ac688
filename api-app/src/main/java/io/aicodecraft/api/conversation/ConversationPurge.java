package io.aicodecraft.api.conversation;

import io.aicodecraft.api.store.DatabaseUnavailableException;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes, every {@code interval}, the conversations deleted longer ago than the retention, so that "gone" is true
 * of the data too, not only of the API's answers. Every instance runs it; a second delete of the same rows finds
 * nothing, so they need no coordination.
 */
public final class ConversationPurge implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConversationPurge.class.getName());

    private final Conversations conversations;
    private final Duration interval;
    private final Thread thread;

    public ConversationPurge(Conversations conversations, Duration interval) {
        this.conversations = conversations;
        this.interval = interval;
        this.thread = Thread.ofVirtual().name("aicc-conversation-purge").start(this::loop);
    }

    private void loop() {
        while (true) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            try {
                int purged = conversations.purge();
                if (purged > 0) {
                    LOG.info("purged " + purged + " conversations deleted longer ago than the retention");
                }
            } catch (DatabaseUnavailableException | IllegalStateException e) {
                LOG.log(Level.WARNING, "conversations not purged, retrying in " + interval.toMinutes() + " min: "
                        + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
