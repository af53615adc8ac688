package io.aicodecraft.operator.crd;

/** One word for where a stack is; the conditions say why. */
public enum StackPhase {
    Pending,
    Provisioning,
    Migrating,
    Ready,
    Degraded,
    Failed,
    Paused
}
