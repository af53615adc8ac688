package io.aicodecraft.operator.dependent;

/**
 * Label selectors of the dependents' informers: each watches only the objects of one component that
 * this operator manages, not every Secret or Deployment in the cluster. The values are the labels
 * {@code model.StackComponent} puts on every object.
 */
final class Selectors {

    private static final String MANAGED = "app.kubernetes.io/managed-by=aicodecraft-operator";
    private static final String COMPONENT = ",app.kubernetes.io/component=";

    static final String DATABASE = MANAGED + COMPONENT + "database";
    static final String CACHE = MANAGED + COMPONENT + "cache";
    static final String CACHE_PASSWORD = MANAGED + COMPONENT + "cache-password";
    static final String API = MANAGED + COMPONENT + "api";
    static final String MIGRATION = MANAGED + COMPONENT + "migration";
    static final String LOGIN = MANAGED + COMPONENT + "login";
    static final String OWNER_PASSWORD = MANAGED + COMPONENT + "owner-password";
    static final String BACKUP = MANAGED + COMPONENT + "backup";
    static final String RESTORE = MANAGED + COMPONENT + "restore";
    static final String NETWORK = MANAGED + COMPONENT + "network";
    static final String TLS = MANAGED + COMPONENT + "tls";
    /** The pods of every component of every stack: the pod templates carry the same labels. */
    static final String PODS = MANAGED + ",aicodecraft.io/stack";

    private Selectors() {
    }
}
