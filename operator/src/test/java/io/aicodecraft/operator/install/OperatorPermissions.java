package io.aicodecraft.operator.install;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.javaoperatorsdk.operator.api.config.BaseConfigurationService;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The verbs the operator needs on each resource, derived from the reconciler's classes as JOSDK
 * uses them with server-side apply (production):
 * <ul>
 * <li>every Kubernetes dependent is cached by an informer: list, watch;</li>
 * <li>a {@link Creator} applies a missing object: patch, and create (the API server checks create
 *     when an apply patch creates the object);</li>
 * <li>an {@link Updater} applies changes: patch; of the kinds JOSDK does not apply (its
 *     {@code defaultNonSSAResources}: ConfigMaps and Secrets) it updates them: update;</li>
 * <li>a {@link Deleter} under an activation condition or reconcile precondition (its own or an
 *     ancestor's) is deleted when that turns false: delete;</li>
 * <li>the primary is cached (list, watch) and its status applied (status: patch); a {@link Cleaner}
 *     adds and removes its finalizer (get, patch);</li>
 * <li>what the reconciler does beside its workflow is named by the caller ({@code extra}).</li>
 * </ul>
 */
final class OperatorPermissions {

    private static final Set<Class<? extends HasMetadata>> NOT_APPLIED = new BaseConfigurationService().defaultNonSSAResources();

    private OperatorPermissions() {
    }

    static Map<GroupResource, Set<String>> of(Class<? extends Reconciler<?>> reconciler,
            Class<? extends HasMetadata> primary, Map<GroupResource, Set<String>> extra) {
        var permissions = new TreeMap<GroupResource, Set<String>>();
        var stacks = GroupResource.of(primary);
        grant(permissions, stacks, "list", "watch");
        grant(permissions, stacks.subresource("status"), "patch");
        if (Cleaner.class.isAssignableFrom(reconciler)) {
            grant(permissions, stacks, "get", "patch");
        }
        var workflow = dependents(reconciler);
        for (Dependent dependent : workflow.values()) {
            Class<? extends DependentResource> type = dependent.type();
            var resource = GroupResource.of(resourceType(type));
            grant(permissions, resource, "list", "watch");
            if (Creator.class.isAssignableFrom(type)) {
                grant(permissions, resource, "create", "patch");
            }
            if (Updater.class.isAssignableFrom(type)) {
                grant(permissions, resource, NOT_APPLIED.contains(resourceType(type)) ? "update" : "patch");
            }
            if (Deleter.class.isAssignableFrom(type) && conditional(dependent, workflow)) {
                grant(permissions, resource, "delete");
            }
        }
        extra.forEach((resource, verbs) -> grant(permissions, resource, verbs.toArray(String[]::new)));
        return permissions;
    }

    /** The dependents of the reconciler's {@code @Workflow} by name; a reconciler without one is a test error. */
    static Map<String, Dependent> dependents(Class<?> reconciler) {
        Workflow workflow = reconciler.getAnnotation(Workflow.class);
        if (workflow == null) {
            throw new AssertionError(reconciler.getName() + " has no @Workflow to derive permissions from");
        }
        var byName = new LinkedHashMap<String, Dependent>();
        for (Dependent dependent : workflow.dependents()) {
            byName.put(dependent.name().isEmpty() ? dependent.type().getName() : dependent.name(), dependent);
        }
        return byName;
    }

    /**
     * Whether the workflow can delete this dependent: JOSDK deletes a Deleter when its activation
     * condition or reconcile precondition, or one of its ancestors', turns false. A Deleter without
     * any such condition above it is only ever removed by Kubernetes' garbage collector.
     */
    static boolean conditional(Dependent dependent, Map<String, Dependent> workflow) {
        if (dependent.activationCondition() != Condition.class || dependent.reconcilePrecondition() != Condition.class) {
            return true;
        }
        for (String parent : dependent.dependsOn()) {
            Dependent ancestor = workflow.get(parent);
            if (ancestor == null) {
                throw new AssertionError(dependent.name() + " depends on unknown " + parent);
            }
            if (conditional(ancestor, workflow)) {
                return true;
            }
        }
        return false;
    }

    /** The Kubernetes kind a dependent manages, from the dependent itself (JOSDK needs a no-argument constructor too). */
    @SuppressWarnings("unchecked")
    static Class<? extends HasMetadata> resourceType(Class<? extends DependentResource> dependent) {
        if (!KubernetesDependentResource.class.isAssignableFrom(dependent)) {
            throw new AssertionError(dependent.getName() + " is not a Kubernetes dependent: extend the derivation");
        }
        try {
            return (Class<? extends HasMetadata>) dependent.getDeclaredConstructor().newInstance().resourceType();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate " + dependent.getName(), e);
        }
    }

    /** What RBAC rules grant, one entry per group and resource; wildcards are kept as they are, to be refused. */
    static Map<GroupResource, Set<String>> granted(List<PolicyRule> rules) {
        var permissions = new TreeMap<GroupResource, Set<String>>();
        for (PolicyRule rule : rules) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    grant(permissions, new GroupResource(group, resource), rule.getVerbs().toArray(String[]::new));
                }
            }
        }
        return permissions;
    }

    private static void grant(Map<GroupResource, Set<String>> permissions, GroupResource resource, String... verbs) {
        permissions.computeIfAbsent(resource, r -> new TreeSet<>()).addAll(List.of(verbs));
    }
}
