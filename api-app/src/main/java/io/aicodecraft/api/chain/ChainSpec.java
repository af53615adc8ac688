package io.aicodecraft.api.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A chain as submitted: its tasks, checked to form a directed acyclic graph of at most {@link #MAX_TASKS} tasks
 * with unique ids and known dependencies.
 */
public record ChainSpec(List<TaskSpec> tasks) {
    public static final int MAX_TASKS = 50;

    public ChainSpec {
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new InvalidChainException("tasks", "a chain needs at least one task");
        }
        if (tasks.size() > MAX_TASKS) {
            throw new InvalidChainException("tasks",
                    "a chain has at most " + MAX_TASKS + " tasks; this one has " + tasks.size());
        }
        Map<String, TaskSpec> byId = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (byId.putIfAbsent(tasks.get(i).id(), tasks.get(i)) != null) {
                throw new InvalidChainException("tasks[" + i + "].id",
                        "task id '" + tasks.get(i).id() + "' is used twice");
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            List<String> dependsOn = tasks.get(i).dependsOn();
            for (String dependency : dependsOn) {
                if (dependsOn.indexOf(dependency) != dependsOn.lastIndexOf(dependency)) {
                    throw new InvalidChainException("tasks[" + i + "].dependsOn", "task '" + tasks.get(i).id()
                            + "' names '" + dependency + "' more than once in dependsOn");
                }
                if (!byId.containsKey(dependency)) {
                    throw new InvalidChainException("tasks[" + i + "].dependsOn", "task '" + tasks.get(i).id()
                            + "' depends on '" + dependency + "', which is not a task of this chain");
                }
            }
        }
        new CycleSearch(tasks, byId).find().ifPresent(cycle -> {
            throw new InvalidChainException("tasks", "the dependencies form a cycle (each task depends on the next): "
                    + String.join(" -> ", cycle));
        });
    }

    public TaskSpec task(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no task '" + id + "' in this chain"));
    }

    /** The tasks that depend on nothing: they are queued at once. */
    public List<TaskSpec> roots() {
        return tasks.stream().filter(t -> t.dependsOn().isEmpty()).toList();
    }

    /** The tasks that wait for {@code id}. */
    public List<TaskSpec> dependents(String id) {
        return tasks.stream().filter(t -> t.dependsOn().contains(id)).toList();
    }

    /** Depth-first search keeping the path, so that a refusal can name the tasks that form the cycle. */
    private record CycleSearch(List<TaskSpec> tasks, Map<String, TaskSpec> byId) {
        Optional<List<String>> find() {
            Set<String> visited = new HashSet<>();
            for (TaskSpec task : tasks) {
                Optional<List<String>> cycle = visit(task.id(), new LinkedHashSet<>(), visited);
                if (cycle.isPresent()) {
                    return cycle;
                }
            }
            return Optional.empty();
        }

        private Optional<List<String>> visit(String id, LinkedHashSet<String> path, Set<String> visited) {
            if (path.contains(id)) {
                List<String> onPath = new ArrayList<>(path);
                List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(id), onPath.size()));
                cycle.add(id);
                return Optional.of(cycle);
            }
            if (!visited.add(id)) {
                return Optional.empty();
            }
            path.add(id);
            for (String dependency : byId.get(id).dependsOn()) {
                Optional<List<String>> cycle = visit(dependency, path, visited);
                if (cycle.isPresent()) {
                    return cycle;
                }
            }
            path.remove(id);
            return Optional.empty();
        }
    }
}
