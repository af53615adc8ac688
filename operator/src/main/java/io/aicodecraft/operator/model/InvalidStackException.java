package io.aicodecraft.operator.model;

import java.util.List;

/** A stack file the operator would not accept; the message lists every problem found. */
public final class InvalidStackException extends Exception {

    private final List<String> problems;

    public InvalidStackException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
