package io.aicodecraft.api.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.ConversationConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the model is sent for a message: the system prompt, the branch's earlier turns within a budget of 100
 * tokens, and the message; and that an answer to the same context is the cache's. The model is a recording
 * stand-in for an OpenAI-compatible service; PostgreSQL and Redis are the shared test servers.
 */
class ConversationContextTest {
    private static final String ANSWER = "assistant: " + RecordingModel.ANSWER;
    private static RecordingModel model;
    private static ApiServer server;
    private static ConversationRequests requests;
    private final UUID owner = UUID.randomUUID();

    @BeforeAll
    static void start() {
        model = RecordingModel.started();
        server = ApiServer.start(TestServers.shared().api(model.config())
                .withConversations(ConversationConfig.defaults().withContextTokens(100)), "127.0.0.1");
        requests = new ConversationRequests(new ApiClient(URI.create("http://127.0.0.1:" + server.port())));
    }

    @AfterAll
    static void stop() {
        server.close();
        model.close();
    }

    /** 40 characters, 10 estimated tokens, and no other test's: the cache cannot answer it. */
    private static String message(int n) {
        return "m" + n + " " + UUID.randomUUID();
    }

    @Test
    void theModelIsSentTheSystemPromptAndTheBranchsEarlierTurnsThenTheMessage() {
        String id = requests.create(owner, "{\"title\":\"t\",\"language\":\"go\",\"systemPrompt\":\"use generics\"}");
        String first = message(1);
        String second = message(2);
        String third = message(3);
        requests.say(owner, id, first);
        requests.say(owner, id, second);

        JsonNode turn = requests.say(owner, id, third);

        List<String> sent = model.lastMessages();
        assertThat(sent.getFirst()).startsWith("system: ").contains("go code").endsWith("\n\nuse generics");
        assertThat(sent.subList(1, sent.size())).containsExactly("user: " + first, ANSWER, "user: " + second, ANSWER,
                "user: " + third);
        assertThat(turn.path("droppedTurns").asInt()).isZero();
        assertThat(turn.path("reply").path("content").asText()).isEqualTo(RecordingModel.ANSWER);
        assertThat(turn.path("reply").path("model").asText()).isEqualTo("coder-1");
    }

    @Test
    void aMessageOnAnotherBranchIsSentThatBranchsTurnsOnly() {
        String id = requests.create(owner);
        String first = message(1);
        JsonNode root = requests.say(owner, id, first);
        requests.say(owner, id, message(2));
        String branched = message(3);

        requests.say(owner, id, branched, root.path("reply").path("id").asText());

        assertThat(model.lastMessages().subList(1, 4)).containsExactly("user: " + first, ANSWER, "user: " + branched);
    }

    @Test
    void theOldestTurnsBeyondTheBudgetAreLeftOutAndTheReplySaysHowMany() {
        String id = requests.create(owner);
        List<String> said = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            said.add(message(i));
            requests.say(owner, id, said.getLast());
        }
        String ninth = message(9);

        // 10 tokens for the message, 13 a turn (10 + 3 of the answer): six turns fit in 100, the oldest two do not
        JsonNode turn = requests.say(owner, id, ninth);

        assertThat(turn.path("droppedTurns").asInt()).isEqualTo(2);
        assertThat(turn.path("reply").path("droppedTurns").asInt()).isEqualTo(2);
        assertThat(turn.path("contextTokens").asInt()).isEqualTo(10 + 6 * 13);
        List<String> sent = model.lastMessages();
        assertThat(sent).hasSize(1 + 6 * 2 + 1);
        assertThat(sent.get(1)).isEqualTo("user: " + said.get(2));
        assertThat(sent).doesNotContain("user: " + said.get(0), "user: " + said.get(1));
        assertThat(sent.getLast()).isEqualTo("user: " + ninth);
    }

    @Test
    void theSameContextIsAnsweredFromTheCache() {
        String message = message(1);
        JsonNode first = requests.say(owner, requests.create(owner), message);
        int calls = model.calls();

        JsonNode again = requests.say(owner, requests.create(owner), message);

        assertThat(first.path("cached").asBoolean()).isFalse();
        assertThat(again.path("cached").asBoolean()).isTrue();
        assertThat(model.calls()).isEqualTo(calls);
        assertThat(again.path("reply").path("content").asText()).isEqualTo(RecordingModel.ANSWER);
        assertThat(again.path("reply").path("id").asText()).isNotEqualTo(first.path("reply").path("id").asText());
    }

    @Test
    void anEditIsAnsweredWithTheTurnsBeforeTheEditedMessage() {
        String id = requests.create(owner);
        String first = message(1);
        requests.say(owner, id, first);
        JsonNode second = requests.say(owner, id, message(2));
        String edited = message(3);

        JsonNode turn = requests.api().send("PUT", "/v1/conversations/" + id + "/messages/"
                + second.path("message").path("id").asText(), owner,
                "{\"content\":" + ConversationRequests.quoted(edited) + "}").body();

        assertThat(turn.path("message").path("version").asInt()).isEqualTo(2);
        assertThat(model.lastMessages().subList(1, model.lastMessages().size()))
                .containsExactly("user: " + first, ANSWER, "user: " + edited);
    }
}
