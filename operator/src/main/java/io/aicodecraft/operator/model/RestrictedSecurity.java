package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * The Pod Security Standard "restricted" profile for every workload a stack runs. User ids are numeric
 * because the kubelet can only verify {@code runAsNonRoot} against a number.
 */
final class RestrictedSecurity {

    /**
     * The user of the official postgres Alpine image. Debian-based postgres images (pgvector's, the default) run as
     * it too, their entrypoint lending it a passwd entry (nss_wrapper), so every data directory has one owner.
     */
    static final long POSTGRES_USER = 70;
    /** The user of the official redis Alpine image. */
    static final long REDIS_USER = 999;
    /** An unprivileged user for the API image, which only reads its own files and writes /tmp. */
    static final long API_USER = 10001;

    private RestrictedSecurity() {
    }

    /**
     * A pod of one restricted container: labelled for its component, no service account token and no
     * service-link variables (the pod needs neither), for the caller to finish.
     */
    static PodTemplateSpecBuilder podTemplate(AICodeCraftStack stack, StackComponent component, long user,
                                              Container container, Volume... volumes) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(component.labels(stack)).endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withSecurityContext(pod(user))
                .withContainers(container)
                .withVolumes(volumes)
                .endSpec();
    }

    static PodSecurityContext pod(long user) {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(user)
                .withRunAsGroup(user)
                .withFsGroup(user)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    static SecurityContext container() {
        return new SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    /** A writable scratch directory on a read-only root filesystem. */
    static Volume scratchVolume(String name) {
        return new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build();
    }

    static VolumeMount mount(String volume, String path) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).build();
    }

    /** A volume the container only reads: a CA, a claim a dump is read from. */
    static VolumeMount readOnlyMount(String volume, String path) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true).build();
    }
}
