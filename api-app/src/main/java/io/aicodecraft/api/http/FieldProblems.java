package io.aicodecraft.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the fields of one request and reports every invalid one at once: {@link #read} keeps a field's 400 instead
 * of throwing it, {@link #throwIfAny} throws them together (one problem with an {@code errors} member listing each
 * field and its detail), so a client fixes its request in one round.
 */
final class FieldProblems {
    /** One invalid field of a request. */
    record FieldProblem(String field, String detail) {
    }

    private final List<FieldProblem> problems = new ArrayList<>();

    /** The field's value, or null when it is invalid (then recorded); a problem of another kind is thrown. */
    <T> T read(Supplier<T> field) {
        try {
            return field.get();
        } catch (ProblemException e) {
            if (e.type() != ProblemType.INVALID_REQUEST || e.field().isEmpty()) {
                throw e;
            }
            problems.add(new FieldProblem(e.field().get(), e.getMessage()));
            return null;
        }
    }

    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        FieldProblem first = problems.getFirst();
        if (problems.size() == 1) {
            throw ProblemException.invalid(first.field(), first.detail());
        }
        String detail = problems.size() + " fields are invalid: "
                + String.join("; ", problems.stream().map(FieldProblem::detail).toList());
        throw new ProblemException(ProblemType.INVALID_REQUEST, detail, Optional.of(first.field()), problems);
    }
}
