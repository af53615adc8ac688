package io.aicodecraft.api.chain;

import io.aicodecraft.api.ai.ModelFailureException;
import io.aicodecraft.api.config.ChainConfig;
import io.aicodecraft.api.generation.GenerationRequest;
import io.aicodecraft.api.generation.Generations;
import io.aicodecraft.api.metrics.LatencyBuckets;
import io.aicodecraft.api.template.TemplateLibrary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's chain workers, each a virtual thread that is one consumer of the queue's group: it takes over
 * a task whose worker has not acknowledged it for the claim-idle time, else waits for a new one, runs it through
 * the generation service with its dependencies' outputs in the prompt, and records the output. While a task runs,
 * a heartbeat resets its idle time, so only a dead worker's task is claimed. A failed attempt is left
 * unacknowledged, so the task is claimed again after the idle time, up to the configured retries.
 */
public final class ChainWorkers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChainWorkers.class.getName());
    private static final Duration REDIS_BACKOFF = Duration.ofSeconds(1);
    /** Consumers of instances that are gone are dropped from the group when another instance starts. */
    private static final Duration FORGET_CONSUMERS_AFTER = Duration.ofHours(1);

    private final ChainQueue queue;
    private final Chains chains;
    private final Generations generations;
    private final TemplateLibrary templates;
    private final Duration claimInterval;
    private final Duration heartbeat;
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("aicc-chain-heartbeat").factory());
    private final Timer taskDuration;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong lastOutageLog = new AtomicLong();
    private volatile boolean running = true;

    private ChainWorkers(ChainQueue queue, Chains chains, Generations generations, TemplateLibrary templates,
                         ChainConfig config, MeterRegistry meters) {
        this.queue = queue;
        this.chains = chains;
        this.generations = generations;
        this.templates = templates;
        // looking for abandoned tasks a few times per idle period keeps the extra Redis calls low
        this.claimInterval = config.claimIdle().dividedBy(4);
        this.heartbeat = config.claimIdle().dividedBy(3);
        this.taskDuration = Timer.builder("aicc.chain.task.duration")
                .description("time to run one chain task, model call included")
                .serviceLevelObjectives(LatencyBuckets.upTo(config.claimIdle()))
                .register(meters);
        Gauge.builder("aicc.chain.queue.depth", queue, ChainWorkers::depthOrNaN)
                .description("chain tasks queued or running, over all instances").register(meters);
    }

    /** Starts {@code config.workers()} workers named after {@code instance}, e.g. {@code api-7f3a-w0}. */
    public static ChainWorkers start(ChainQueue queue, Chains chains, Generations generations,
                                     TemplateLibrary templates, ChainConfig config, MeterRegistry meters,
                                     String instance) {
        ChainWorkers workers = new ChainWorkers(queue, chains, generations, templates, config, meters);
        try {
            queue.ensureGroup();
            queue.forgetIdleConsumers(FORGET_CONSUMERS_AFTER);
        } catch (QueueUnavailableException e) {
            LOG.warning("Redis unavailable at start; the chain queue is created when it is back");
        }
        for (int i = 0; i < config.workers(); i++) {
            String consumer = instance + "-w" + i;
            workers.threads.add(Thread.ofVirtual().name("aicc-chain-" + consumer).start(() -> workers.work(consumer)));
        }
        return workers;
    }

    /** A name for this instance's consumers: the host (the pod, on Kubernetes) and a random part. */
    public static String instanceName() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("api");
        return host + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    }

    private void work(String consumer) {
        long nextClaim = System.nanoTime();
        while (running) {
            try {
                Optional<Delivery> delivery = Optional.empty();
                if (System.nanoTime() - nextClaim >= 0) {
                    delivery = queue.claimStale(consumer);
                    if (delivery.isEmpty()) {
                        nextClaim = System.nanoTime() + claimInterval.toNanos();
                    }
                }
                if (delivery.isEmpty()) {
                    delivery = queue.receive(consumer);
                }
                delivery.ifPresent(d -> process(consumer, d));
            } catch (QueueUnavailableException e) {
                if (System.nanoTime() - lastOutageLog.getAndSet(System.nanoTime()) > Duration.ofMinutes(1).toNanos()) {
                    LOG.warning("chain workers waiting for Redis: " + e.getMessage());
                }
                pause();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "chain worker " + consumer + " failed; it continues", e);
                pause();
            }
        }
    }

    private void process(String consumer, Delivery delivery) {
        switch (queue.start(delivery, consumer, Instant.now())) {
            case Start.Skip skip -> queue.discard(delivery);
            case Start.Exhausted exhausted -> {
                queue.discard(delivery);
                chains.finished(delivery.chain());
            }
            case Start.Run run -> run(consumer, delivery, run);
        }
    }

    private void run(String consumer, Delivery delivery, Start.Run run) {
        TaskSpec task = run.chain().task(delivery.task());
        long start = System.nanoTime();
        ScheduledFuture<?> alive = heartbeats.scheduleAtFixedRate(() -> keep(delivery, consumer),
                heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        String output;
        try {
            String prompt = task.promptWith(queue.context(delivery.chain(), task.dependsOn()));
            output = generations.code(new GenerationRequest(prompt, task.language(), Optional.empty()));
        } catch (QueueUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "task " + delivery.task() + " of chain " + delivery.chain() + ", attempt "
                    + run.attempt() + ", failed: " + e.getMessage());
            if (e instanceof ModelFailureException) {
                recordTemplateUse(task, run.owner(), false, Duration.ofNanos(System.nanoTime() - start));
            }
            queue.attemptFailed(delivery, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return;
        } finally {
            alive.cancel(false);
            taskDuration.record(Duration.ofNanos(System.nanoTime() - start));
        }
        recordTemplateUse(task, run.owner(), true, Duration.ofNanos(System.nanoTime() - start));
        if (queue.complete(delivery, output, run.chain(), Instant.now()) == 0) {
            chains.finished(delivery.chain());
        }
    }

    private void keep(Delivery delivery, String consumer) {
        try {
            queue.keep(delivery, consumer);
        } catch (RuntimeException e) {
            // a missed beat only risks a second run after the claim-idle time; the next beat may get through
            LOG.log(Level.FINE, "heartbeat for task " + delivery.task() + " failed: " + e.getMessage());
        }
    }

    /** A task from a template counts in the template's statistics like a generation from it. */
    private void recordTemplateUse(TaskSpec task, UUID owner, boolean success, Duration latency) {
        if (task.template() == null) {
            return;
        }
        try {
            templates.recordUse(templates.read(task.template().id(), Optional.of(task.template().version())), owner,
                    success, latency);
        } catch (RuntimeException e) {
            // statistics must never fail a task
            LOG.log(Level.WARNING, "use of template " + task.template().id() + " not recorded: " + e.getMessage());
        }
    }

    private static double depthOrNaN(ChainQueue queue) {
        try {
            return queue.depth();
        } catch (QueueUnavailableException e) {
            return Double.NaN;
        }
    }

    private void pause() {
        try {
            Thread.sleep(REDIS_BACKOFF);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops taking tasks; a task being run is finished first, or, if that takes too long, claimed elsewhere later. */
    @Override
    public void close() {
        running = false;
        heartbeats.shutdownNow();
        for (Thread thread : threads) {
            try {
                thread.join(ChainQueue.BLOCK.multipliedBy(4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
