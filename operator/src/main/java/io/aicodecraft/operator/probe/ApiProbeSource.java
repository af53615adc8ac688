package io.aicodecraft.operator.probe;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.ApiService;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The active probe of each stack's API, off the reconcile threads: JOSDK's per-resource polling calls
 * {@code /health/ready} of every stack whose status reports ready API pods (so its Deployment exists and
 * something can answer), at once and then every interval, on this source's own threads. The reconciler
 * reads the last answer from the cache, and a changed answer is an event that reconciles the stack; an
 * unchanged one costs nothing more.
 */
public final class ApiProbeSource extends PerResourcePollingEventSource<ProbeResult, AICodeCraftStack, String> {

    public static final String NAME = "api-probe";

    /**
     * Probes that may wait on the network at once. Virtual threads, so a waiting probe costs almost
     * nothing, and a slow API holds one of them for at most its timeout while the others go on.
     */
    static final int CONCURRENT_PROBES = 64;

    private final IndexerResourceCache<AICodeCraftStack> stacks;

    public ApiProbeSource(EventSourceContext<AICodeCraftStack> context, ApiHealthProbe probe,
                          ServiceAddressResolver addresses, Duration interval) {
        super(ProbeResult.class, context, new PerResourcePollingConfigurationBuilder<ProbeResult, AICodeCraftStack, String>(
                new Fetcher(probe, addresses), interval)
                .withName(NAME)
                .withRegisterPredicate(ApiProbeSource::hasReadyApiPods)
                .withResourceIDMapper(ResourceIDMapper.singleResourceResourceIDMapper())
                .withExecutorService(new ScheduledThreadPoolExecutor(CONCURRENT_PROBES,
                        Thread.ofVirtual().name("api-probe-", 0).factory()))
                .build());
        this.stacks = context.getPrimaryCache();
    }

    /**
     * JOSDK starts the stacks' informer before this source, so the stacks that exist when the operator
     * starts are registered while this source cannot probe yet, and JOSDK skips such a first probe
     * without scheduling another: they are registered again once it can.
     */
    @Override
    public void start() {
        super.start();
        stacks.list().forEach(stack -> {
            onResourceDeleted(stack);
            onResourceCreated(stack);
        });
    }

    /**
     * The last answer for {@code stack}, empty before the first. Read from the cache only: JOSDK's own
     * lookup would call the API on the reconcile thread when no answer has come yet.
     */
    public static Optional<ProbeResult> lastResult(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        var source = (ApiProbeSource) context.eventSourceRetriever().getEventSourceFor(ProbeResult.class, NAME);
        return source.getSecondaryResource(ResourceID.fromResource(stack));
    }

    private static boolean hasReadyApiPods(AICodeCraftStack stack) {
        var status = stack.getStatus();
        return status != null && status.getApiReadyReplicas() != null && status.getApiReadyReplicas() > 0;
    }

    /** One probe of the stack's API Service, through the resolver. */
    private record Fetcher(ApiHealthProbe probe, ServiceAddressResolver addresses)
            implements ResourceFetcher<ProbeResult, AICodeCraftStack> {

        @Override
        public Set<ProbeResult> fetchResources(AICodeCraftStack stack) {
            return Set.of(probe.probe(addresses.baseUri(ApiService.build(stack), ApiService.PORT)));
        }

        /** The first probe of a stack at once, so a rolled-out API is not reported a whole interval late. */
        @Override
        public Optional<Duration> fetchDelay(Set<ProbeResult> lastFetched, AICodeCraftStack stack) {
            return lastFetched == null ? Optional.of(Duration.ZERO) : Optional.empty();
        }
    }
}
