package io.aicodecraft.api.ai;

/** What a code model is asked to do. */
public sealed interface CodeTask permits CodeTask.Generate, CodeTask.Convert {

    /** Write code in {@code language} that does what {@code prompt} says. */
    record Generate(String prompt, Language language) implements CodeTask {
    }

    /** Rewrite {@code sourceCode} from one language into another. */
    record Convert(String sourceCode, Language from, Language to) implements CodeTask {
    }
}
