package io.aicodecraft.operator.crd;

import io.aicodecraft.operator.model.StackNames;

/**
 * The CEL rules of the schema ({@code x-kubernetes-validations}). Constants, so the offline check of
 * the {@code render} command can name the very rules the API server runs.
 */
public final class SpecRules {

    public static final String REPLICAS_ORDERED = "self.maxReplicas >= self.minReplicas";
    public static final String DATABASE_POOL_ORDERED = "self.maxSize >= self.minIdle";
    public static final String REDIS_POOL_ORDERED = "self.maxTotal >= self.maxIdle";
    public static final String MANAGED_XOR_EXTERNAL = "has(self.managed) != has(self.external)";
    public static final String OPENAI_NEEDS_ENDPOINT = "self.provider != 'openai' || (has(self.baseUrl) && has(self.model))";
    public static final String MAX_CONNECTIONS_NOT_A_PARAMETER =
            "!has(self.parameters) || !('max_connections' in self.parameters)";
    public static final String ONE_BACKUP_DESTINATION = "has(self.volume) != has(self.s3)";
    /** The dump runs as the managed PostgreSQL's owner, with the credentials the operator generated. */
    public static final String BACKUP_NEEDS_MANAGED = "!has(self.backup) || has(self.managed)";
    public static final String ONE_RESTORE_SOURCE = "[has(self.backup), has(self.volume), has(self.s3Key)].exists_one(x, x)";
    public static final String PATH_INSIDE_CLAIM = "!self.path.contains('..')";
    public static final String RESTORE_NEEDS_MANAGED = "!has(self.restoreFrom) || has(self.managed)";
    /** The login roles are the operator's only in a PostgreSQL it runs. */
    public static final String CREDENTIALS_NEED_MANAGED = "!has(self.credentials) || has(self.managed)";
    public static final String RESTORE_BACKUP_NEEDS_DESTINATION =
            "!has(self.restoreFrom) || !has(self.restoreFrom.backup) || has(self.backup)";
    public static final String RESTORE_KEY_NEEDS_BUCKET =
            "!has(self.restoreFrom) || !has(self.restoreFrom.s3Key) || (has(self.backup) && has(self.backup.s3))";
    /**
     * A transition rule: a restore is into a new stack's empty database, so restoreFrom is set when the stack is
     * created and may only be removed afterwards.
     */
    public static final String RESTORE_ONLY_AT_CREATION =
            "!has(self.restoreFrom) || (has(oldSelf.restoreFrom) && self.restoreFrom == oldSelf.restoreFrom)";
    /** pgJDBC checks a server's certificate only against a CA file it is given; a container has none of its own. */
    public static final String VERIFYING_SSL_NEEDS_CA =
            "!(self.sslMode in ['verify-ca', 'verify-full']) || has(self.caSecretRef)";
    /** On the whole resource: the only place a CRD rule can see {@code metadata.name}. */
    public static final String NAME_FITS_DERIVED_NAMES =
            "size(self.metadata.name) <= " + StackNames.MAX_STACK_NAME_LENGTH;
    public static final String NAME_FITS_DERIVED_NAMES_MESSAGE = "a stack name is at most "
            + StackNames.MAX_STACK_NAME_LENGTH + " characters, so that every object name derived from it fits";
    /** A transition rule: the API server checks it on updates only. */
    public static final String STORAGE_UNCHANGED = "self == oldSelf";

    private SpecRules() {
    }
}
