package io.aicodecraft.operator.crd;

/**
 * One word for where a stack is; the conditions say why. For one generation a stack moves forward through
 * Provisioning, Migrating and RollingOut (the migrations done, Redis and the API coming up) to Ready.
 */
public enum StackPhase {
    Pending,
    Provisioning,
    Migrating,
    RollingOut,
    Ready,
    Degraded,
    Failed,
    Paused
}
