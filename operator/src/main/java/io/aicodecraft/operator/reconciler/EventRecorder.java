package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes {@link StackEvent}s as core/v1 Events on the stack, as {@code kubectl describe acs} shows them. */
final class EventRecorder {

    static final String COMPONENT = "aicodecraft-operator";
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final SecureRandom SUFFIXES = new SecureRandom();

    private final KubernetesClient client;

    EventRecorder(KubernetesClient client) {
        this.client = client;
    }

    void record(AICodeCraftStack stack, List<StackEvent> events) {
        for (StackEvent event : events) {
            String now = Instant.now().toString();
            var meta = stack.getMetadata();
            var kubeEvent = new EventBuilder()
                    .withNewMetadata()
                    .withName(meta.getName() + "." + suffix())
                    .withNamespace(meta.getNamespace())
                    .endMetadata()
                    .withInvolvedObject(new ObjectReferenceBuilder()
                            .withApiVersion(stack.getApiVersion())
                            .withKind(stack.getKind())
                            .withName(meta.getName())
                            .withNamespace(meta.getNamespace())
                            .withUid(meta.getUid())
                            .withResourceVersion(meta.getResourceVersion())
                            .build())
                    .withType(event.warning() ? "Warning" : "Normal")
                    .withReason(event.reason())
                    .withMessage(event.message())
                    .withFirstTimestamp(now)
                    .withLastTimestamp(now)
                    .withCount(1)
                    .withNewSource().withComponent(COMPONENT).endSource()
                    .withReportingComponent(COMPONENT)
                    .build();
            try {
                client.v1().events().inNamespace(meta.getNamespace()).resource(kubeEvent).create();
            } catch (KubernetesClientException e) {
                // events are a courtesy to people; failing to write one must not fail the reconcile
                LOG.warn("Could not record event {} on stack {}/{}: {}", event.reason(), meta.getNamespace(),
                        meta.getName(), e.getMessage());
            }
        }
    }

    private static String suffix() {
        byte[] bytes = new byte[8];
        SUFFIXES.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
