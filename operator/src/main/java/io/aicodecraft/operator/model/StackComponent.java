package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/** The parts of a stack, each with the recommended {@code app.kubernetes.io} labels it carries. */
public enum StackComponent {
    DATABASE("postgresql", "database"),
    CACHE("redis", "cache"),
    /** The Jobs that add a rotation's new password to the managed Redis. */
    CACHE_PASSWORD("redis", "cache-password"),
    API("aicodecraft-api", "api"),
    MIGRATION("aicodecraft-api", "migration"),
    /** The Jobs that set the password of a role the API logs in to PostgreSQL as. */
    LOGIN("aicodecraft-api", "login"),
    /** The Jobs that set a rotation's new password of the managed PostgreSQL's owner. */
    OWNER_PASSWORD("aicodecraft-api", "owner-password"),
    BACKUP("aicodecraft-backup", "backup"),
    RESTORE("aicodecraft-backup", "restore"),
    NETWORK("aicodecraft", "network"),
    /** The stack's certificate authority, shared by its PostgreSQL and Redis. */
    TLS("aicodecraft", "tls");

    public static final String STACK_LABEL = "aicodecraft.io/stack";
    public static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    static final String PART_OF = "aicodecraft";
    static final String MANAGED_BY = "aicodecraft-operator";

    private final String appName;
    private final String component;

    StackComponent(String appName, String component) {
        this.appName = appName;
        this.component = component;
    }

    public String component() {
        return component;
    }

    /** Labels that pick this component's pods; they never change, so they are safe as a selector. */
    public Map<String, String> selector(AICodeCraftStack stack) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", appName);
        labels.put("app.kubernetes.io/instance", stack.getMetadata().getName());
        labels.put(COMPONENT_LABEL, component);
        return labels;
    }

    /** Every label an object of this component carries. */
    public Map<String, String> labels(AICodeCraftStack stack) {
        Map<String, String> labels = selector(stack);
        labels.put("app.kubernetes.io/part-of", PART_OF);
        labels.put("app.kubernetes.io/managed-by", MANAGED_BY);
        labels.put(STACK_LABEL, stack.getMetadata().getName());
        return labels;
    }

    /** Name, namespace and labels of an object of this component; owner references are the dependents' job. */
    public ObjectMeta metadata(AICodeCraftStack stack, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(stack.getMetadata().getNamespace())
                .withLabels(labels(stack))
                .build();
    }
}
