package io.aicodecraft.operator;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashSet;

/**
 * Why the operator could not start, in one line: JOSDK's "Error starting operator" says nothing, the cause
 * several levels down does (the API server's answer, the port that is taken).
 */
final class StartupFailure {

    private StartupFailure() {
    }

    /** Each distinct message of the cause chain, outermost first; the API server's own answer where there is one. */
    static String describe(Throwable failure) {
        var messages = new LinkedHashSet<String>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause instanceof KubernetesClientException answer && answer.getStatus() != null
                    ? "the API server answered " + answer.getCode() + ": " + answer.getStatus().getMessage()
                    : cause.getMessage();
            if (message != null && !message.isBlank()) {
                messages.add(message.strip());
            }
        }
        return messages.isEmpty() ? failure.getClass().getName() : String.join(": ", messages);
    }
}
