package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link StackEvent}s as core/v1 Events on the stack, as {@code kubectl describe acs} shows them; a repeat
 * counts on the Event it repeats ({@link EventSeries}). One recorder for the operator's life, so repeats are known.
 */
final class EventRecorder {

    static final String COMPONENT = "aicodecraft-operator";
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final SecureRandom SUFFIXES = new SecureRandom();

    private final EventSeries series = new EventSeries();

    void record(KubernetesClient client, AICodeCraftStack stack, List<StackEvent> events) {
        for (StackEvent event : events) {
            var meta = stack.getMetadata();
            var key = new EventSeries.Key(meta.getNamespace(), meta.getUid(), event.warning(), event.reason(),
                    event.message());
            Instant now = Instant.now();
            try {
                switch (series.next(key, now, () -> meta.getName() + "." + suffix())) {
                    case EventSeries.Next.Create create -> create(client, stack, event, create.name(), now);
                    case EventSeries.Next.Repeat repeat -> repeat(client, stack, event, key, repeat, now);
                }
            } catch (KubernetesClientException e) {
                // events are a courtesy to people; failing to write one must not fail the reconcile
                LOG.warn("Could not record event {} on stack {}/{}: {}", event.reason(), meta.getNamespace(),
                        meta.getName(), e.getMessage());
            }
        }
    }

    private static void create(KubernetesClient client, AICodeCraftStack stack, StackEvent event, String name,
                               Instant now) {
        var meta = stack.getMetadata();
        var kubeEvent = new EventBuilder()
                .withNewMetadata()
                .withName(name)
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
                .withFirstTimestamp(now.toString())
                .withLastTimestamp(now.toString())
                .withCount(1)
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT)
                .build();
        client.v1().events().inNamespace(meta.getNamespace()).resource(kubeEvent).create();
    }

    /** One merge patch of the count and last time; an Event the API server has expired starts a new series. */
    private void repeat(KubernetesClient client, AICodeCraftStack stack, StackEvent event, EventSeries.Key key,
                        EventSeries.Next.Repeat repeat, Instant now) {
        try {
            client.v1().events().inNamespace(stack.getMetadata().getNamespace()).withName(repeat.name())
                    .patch(PatchContext.of(PatchType.JSON_MERGE),
                            "{\"count\":" + repeat.count() + ",\"lastTimestamp\":\"" + now + "\"}");
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
            series.forget(key);
            var next = series.next(key, now, () -> stack.getMetadata().getName() + "." + suffix());
            create(client, stack, event, next.name(), now);
        }
    }

    private static String suffix() {
        byte[] bytes = new byte[8];
        SUFFIXES.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
