package io.aicodecraft.api.ai;

import java.util.List;
import java.util.Optional;

/** What a code model is asked to do. */
public sealed interface CodeTask permits CodeTask.Generate, CodeTask.Convert, CodeTask.Chat {

    /** Write code in {@code language} that does what {@code prompt} says. */
    record Generate(String prompt, Language language) implements CodeTask {
    }

    /** Rewrite {@code sourceCode} from one language into another. */
    record Convert(String sourceCode, Language from, Language to) implements CodeTask {
    }

    /**
     * Answer {@code message}, the next turn of a conversation about {@code language} code, after the {@code earlier}
     * turns (oldest first) and under the conversation's own system prompt, if it has one.
     */
    record Chat(Language language, Optional<String> systemPrompt, List<Exchange> earlier, String message)
            implements CodeTask {
        public Chat {
            earlier = List.copyOf(earlier);
        }
    }
}
