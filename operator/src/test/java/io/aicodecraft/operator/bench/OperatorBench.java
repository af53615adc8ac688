package io.aicodecraft.operator.bench;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.reconciler.StackOperator;
import io.aicodecraft.operator.reconciler.StackOperatorOptions;
import io.aicodecraft.operator.testing.AuditLog;
import io.aicodecraft.operator.testing.ChartRelease;
import io.aicodecraft.operator.testing.ReadyEndpoint;
import io.aicodecraft.operator.testing.RealCluster;
import io.aicodecraft.operator.testing.ReconcileCounter;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator benchmark (bench/operator-bench.sh) on the cluster tier: N stacks in {@value #NAMESPACES}
 * namespaces created at once on a real API server with its controllers, scheduler and kwok, the operator
 * configured as the chart configures it and acting as the chart's ServiceAccount, measured until every
 * stack reports Ready=True. Reports the time, stacks per second, the operator JVM's heap after a full GC
 * and its RSS, the operator's write requests per stack from the audit log, and the CPU seconds of each
 * process. Each size runs on a fresh cluster, one after the other.
 *
 * <p>The probe is answered by a stub endpoint: what is measured is the operator and the cluster, not the API.
 * The operator shares its JVM with the benchmark's admin client, the test volume provisioner and the
 * informer that waits for Ready, so heap and RSS are upper bounds of the operator's own.
 */
public final class OperatorBench {

    private static final int NAMESPACES = 10;
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private OperatorBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(100, 500) : Arrays.stream(args).map(Integer::valueOf).toList();
        for (int stacks : sizes) {
            System.out.println(run(stacks));
        }
        System.exit(0);
    }

    private record Result(int stacks, double seconds, double heapMiB, double rssMiB, double writesPerStack,
                          double reconcilesPerStack, Map<String, Double> cpuSeconds) {
        @Override
        public String toString() {
            return "%d stacks: all Ready in %.1f s (%.1f stacks/s); operator JVM heap after GC %.1f MiB, RSS %.1f MiB;"
                    .formatted(stacks, seconds, stacks / seconds, heapMiB, rssMiB)
                    + " %.1f operator writes/stack, %.1f reconciles/stack; CPU s %s"
                    .formatted(writesPerStack, reconcilesPerStack, cpuSeconds);
        }
    }

    private static Result run(int stacks) throws Exception {
        var cluster = new RealCluster();
        cluster.start("OperatorBench-" + stacks);
        try (var api = new ReadyEndpoint()) {
            var chart = ChartRelease.install(cluster, "bench", "platform");
            for (int n = 0; n < NAMESPACES; n++) {
                cluster.namespace("tenant-" + n);
            }
            try (KubernetesClient operatorClient = chart.operatorClient()) {
                var settings = chart.operatorSettings("bench-operator");
                var reconciles = new ReconcileCounter();
                var options = settings.applyTo(StackOperatorOptions.defaults(), reconciles, () -> { })
                        .withAddressResolver((service, port) -> api.baseUri());
                var operator = StackOperator.create(operatorClient, options);
                operator.start();
                long start = System.nanoTime();
                for (int i = 0; i < stacks; i++) {
                    cluster.client().resource(TestStacks.minimal("tenant-" + (i % NAMESPACES), "stack-" + i)).create();
                }
                waitUntilAllReady(cluster.client(), stacks, start);
                double seconds = (System.nanoTime() - start) / 1e9;
                double heap = heapAfterGcMiB();
                double rss = rssMiB();
                long writes = AuditLog.read(cluster.audit()).by(chart.operatorUser()).writes().size();
                var cpu = cpuSeconds();
                operator.stop();
                return new Result(stacks, seconds, heap, rss, (double) writes / stacks,
                        (double) reconciles.total() / stacks, cpu);
            }
        } finally {
            cluster.stop();
        }
    }

    /** Counts Ready stacks in a watch-fed cache, so waiting adds no load to the API server. */
    private static void waitUntilAllReady(KubernetesClient client, int stacks, long start) throws InterruptedException {
        try (var informer = client.resources(AICodeCraftStack.class).inAnyNamespace().inform()) {
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

    private static double rssMiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToDouble(line -> Double.parseDouble(line.replaceAll("\\D+", "")) / 1024.0)
                .findFirst().orElse(Double.NaN);
    }

    /** CPU seconds so far of this JVM (operator and benchmark) and of each control-plane process. */
    private static Map<String, Double> cpuSeconds() {
        var cpu = new TreeMap<String, Double>();
        ProcessHandle.current().info().totalCpuDuration()
                .ifPresent(d -> cpu.put("operator-jvm", d.toMillis() / 1000.0));
        ProcessHandle.current().descendants().forEach(process -> process.info().command().ifPresent(command ->
                process.info().totalCpuDuration().ifPresent(d -> cpu.merge(Path.of(command).getFileName().toString(),
                        d.toMillis() / 1000.0, Double::sum))));
        return cpu;
    }
}
