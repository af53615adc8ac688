package io.aicodecraft.operator.bench;

import io.aicodecraft.operator.dependent.JobOutcome;
import io.aicodecraft.operator.dependent.WorkloadReadiness;
import io.aicodecraft.operator.testing.Kubelet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The kubelet for the benchmark: watches every StatefulSet, Deployment and Job and, as soon as one
 * appears or changes, reports it ready (or the Job succeeded), the way a healthy cluster would.
 */
final class AutoKubelet implements AutoCloseable {

    private final ExecutorService patches = Executors.newVirtualThreadPerTaskExecutor();
    private final List<SharedIndexInformer<?>> informers;

    AutoKubelet(KubernetesClient client) {
        var kubelet = new Kubelet(client);
        informers = List.of(
                client.apps().statefulSets().inAnyNamespace().inform(handler(WorkloadReadiness::ready,
                        s -> kubelet.statefulSetReady(namespace(s), name(s)))),
                client.apps().deployments().inAnyNamespace().inform(handler(WorkloadReadiness::available,
                        d -> kubelet.deploymentAvailable(namespace(d), name(d)))),
                client.batch().v1().jobs().inAnyNamespace().inform(handler(j -> JobOutcome.of(j).succeeded(),
                        j -> kubelet.jobSucceeded(namespace(j), name(j)))));
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler(Predicate<T> done, Consumer<T> finish) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T resource) {
                settle(resource);
            }

            @Override
            public void onUpdate(T before, T after) {
                settle(after);
            }

            @Override
            public void onDelete(T resource, boolean finalStateUnknown) {
                // nothing runs for a deleted workload
            }

            private void settle(T resource) {
                if (!done.test(resource)) {
                    patches.submit(() -> finish.accept(resource));
                }
            }
        };
    }

    private static String namespace(HasMetadata resource) {
        return resource.getMetadata().getNamespace();
    }

    private static String name(HasMetadata resource) {
        return resource.getMetadata().getName();
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
        patches.shutdownNow();
    }
}
