package io.aicodecraft.operator.bench;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.reconciler.StackOperator;
import io.aicodecraft.operator.reconciler.StackOperatorOptions;
import io.aicodecraft.operator.testing.MockCluster;
import io.aicodecraft.operator.testing.ReadyEndpoint;
import io.aicodecraft.operator.testing.ReconcileCounter;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator benchmark (bench/operator-bench.sh): N stacks created at once on the mock API server,
 * the benchmark playing the kubelet, measured until every stack reports Ready=True. Reports the time,
 * reconciles per second, requests the operator sent per stack, and the heap after a full GC. Each size
 * runs on a fresh mock server and operator, one after the other in this JVM.
 */
public final class OperatorBench {

    private static final Duration LIMIT = Duration.ofMinutes(10);

    private OperatorBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(100, 500) : Arrays.stream(args).map(Integer::valueOf).toList();
        System.out.printf("%8s %12s %14s %18s %14s%n", "stacks", "all Ready s", "reconciles/s", "requests/stack",
                "heap after MiB");
        for (int stacks : sizes) {
            var result = run(stacks);
            System.out.printf("%8d %12.1f %14.1f %18.1f %14.1f%n", stacks, result.seconds(), result.reconcilesPerSecond(),
                    result.requestsPerStack(), result.heapMiB());
        }
        System.exit(0);
    }

    private record Result(double seconds, double reconcilesPerSecond, double requestsPerStack, double heapMiB) {
    }

    private static Result run(int stacks) throws Exception {
        var operatorRequests = new AtomicLong();
        var reconciles = new ReconcileCounter();
        try (var cluster = new MockCluster();
             var api = new ReadyEndpoint();
             var kubelet = new AutoKubelet(cluster.client());
             KubernetesClient operatorClient = cluster.newClient(builder -> builder.withHttpClientBuilderConsumer(
                     http -> http.addOrReplaceInterceptor("count", new Interceptor() {
                         @Override
                         public void before(BasicBuilder request, HttpRequest httpRequest, RequestTags tags) {
                             operatorRequests.incrementAndGet();
                         }
                     })))) {
            var options = StackOperatorOptions.defaults()
                    .withServerSideApply(false)
                    .withAddressResolver((service, port) -> api.baseUri())
                    .withMetrics(reconciles);
            var operator = StackOperator.create(operatorClient, options);
            operator.start();
            long start = System.nanoTime();
            for (int i = 0; i < stacks; i++) {
                cluster.client().resource(TestStacks.minimal("bench", "stack-" + i)).create();
            }
            waitUntilAllReady(cluster.client(), stacks, start);
            double seconds = (System.nanoTime() - start) / 1e9;
            long requests = operatorRequests.get();
            long reconcileCount = reconciles.total();
            double heap = heapAfterGcMiB();
            operator.stop();
            return new Result(seconds, reconcileCount / seconds, (double) requests / stacks, heap);
        }
    }

    /** Counts Ready stacks in a watch-fed cache, so waiting adds no load to the API server. */
    private static void waitUntilAllReady(KubernetesClient client, int stacks, long start) throws InterruptedException {
        try (var informer = client.resources(AICodeCraftStack.class).inNamespace("bench").inform()) {
            while (true) {
                long ready = informer.getStore().list().stream().filter(OperatorBench::ready).count();
                if (ready == stacks) {
                    return;
                }
                if (System.nanoTime() - start > LIMIT.toNanos()) {
                    throw new IllegalStateException(ready + " of " + stacks + " stacks Ready after " + LIMIT);
                }
                Thread.sleep(100);
            }
        }
    }

    private static boolean ready(AICodeCraftStack stack) {
        return stack.getStatus() != null && stack.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static double heapAfterGcMiB() {
        var memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
