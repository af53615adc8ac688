package io.aicodecraft.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;

/**
 * A failure as one line for a person, for a condition or a startup error: the wrapping exceptions of JOSDK say
 * nothing ("Error starting operator") or carry stack traces (a failed workflow), the causes several levels down
 * say what failed (the API server's answer, the port that is taken). The exception itself goes to the log.
 */
public final class FailureText {

    private FailureText() {
    }

    /** Each dependent's failure of a workflow by name; else each distinct message of the cause chain, outermost first. */
    public static String of(Throwable failure) {
        if (failure instanceof AggregatedOperatorException workflow && !workflow.getAggregatedExceptions().isEmpty()) {
            return workflow.getAggregatedExceptions().entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + of(entry.getValue()))
                    .collect(Collectors.joining("; "));
        }
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
