package io.aicodecraft.api.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.SharedApi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.aicodecraft.api.conversation.ConversationRequests.behindTheApi;
import static org.assertj.core.api.Assertions.assertThat;

/** Conversations over HTTP on the shared API (template model, shared PostgreSQL and Redis). */
class ConversationsApiTest {
    private final ConversationRequests requests = new ConversationRequests(SharedApi.client());
    private final ApiClient api = requests.api();
    private final UUID owner = UUID.randomUUID();

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static List<String> contents(JsonNode items) {
        List<String> contents = new ArrayList<>();
        items.forEach(item -> contents.add(item.path("content").asText()));
        return contents;
    }

    @Test
    void aCreatedConversationIsReadBackWithItsFieldsAndLocation() {
        Reply created = api.post("/v1/conversations", owner, "{\"title\":\"CSV help\",\"language\":\"python\","
                + "\"systemPrompt\":\"be brief\",\"tags\":[\" Parsing \",\"csv\",\"parsing\"]}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();
        assertThat(created.header("Location")).contains("/v1/conversations/" + id);
        JsonNode read = requests.read(owner, id);
        assertThat(read.path("title").asText()).isEqualTo("CSV help");
        assertThat(read.path("language").asText()).isEqualTo("python");
        assertThat(read.path("systemPrompt").asText()).isEqualTo("be brief");
        assertThat(read.path("model").asText()).isEqualTo("template");
        assertThat(read.path("tags")).extracting(JsonNode::asText).containsExactly("parsing", "csv");
        assertThat(read.path("pinned").asBoolean()).isFalse();
        assertThat(read.path("messages")).isEmpty();
    }

    @Test
    void anotherCallerGets404ForEveryRouteOfAConversation() {
        String id = requests.create(owner);
        String reply = requests.say(owner, id, "write a parser").path("reply").path("id").asText();
        UUID stranger = UUID.randomUUID();
        String base = "/v1/conversations/" + id;

        List<Reply> replies = List.of(api.get(base, stranger),
                api.send("PATCH", base, stranger, "{\"title\":\"mine now\"}"),
                api.send("DELETE", base, stranger, null),
                api.post(base + "/restore", stranger, ""),
                api.post(base + "/messages", stranger, "{\"content\":\"hi\"}"),
                api.get(base + "/messages?branch=" + reply, stranger),
                api.get(base + "/messages/" + reply + "/versions", stranger));

        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r.body()).isEqualTo(404);
            assertThat(r.body().path("type").asText()).endsWith("/conversation-not-found");
        });
        assertThat(api.get("/v1/conversations", stranger).body().path("items")).isEmpty();
        assertThat(requests.read(owner, id).path("title").asText()).isEqualTo("a chat");
    }

    @Test
    void theListIsNewestFirstAndKeysetPaged() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(requests.create(owner));
        }

        Reply first = api.get("/v1/conversations?limit=2", owner);
        Reply second = api.get("/v1/conversations?limit=2&cursor=" + first.body().path("nextCursor").asText(), owner);
        Reply third = api.get("/v1/conversations?limit=2&cursor=" + second.body().path("nextCursor").asText(), owner);

        List<String> listed = new ArrayList<>(ids(first.body().path("items")));
        listed.addAll(ids(second.body().path("items")));
        listed.addAll(ids(third.body().path("items")));
        assertThat(listed).containsExactlyElementsOf(created.reversed());
        assertThat(third.body().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void theListFiltersByTagPinnedAndArchived() {
        String tagged = requests.create(owner, "{\"title\":\"t\",\"language\":\"go\",\"tags\":[\"infra\"]}");
        String pinned = requests.create(owner);
        String archived = requests.create(owner);
        api.send("PATCH", "/v1/conversations/" + pinned, owner, "{\"pinned\":true}");
        api.send("PATCH", "/v1/conversations/" + archived, owner, "{\"archived\":true,\"tags\":[\"INFRA\"]}");

        assertThat(ids(api.get("/v1/conversations?tag=Infra", owner).body().path("items")))
                .containsExactly(archived, tagged);
        assertThat(ids(api.get("/v1/conversations?pinned=true", owner).body().path("items"))).containsExactly(pinned);
        assertThat(ids(api.get("/v1/conversations?archived=true", owner).body().path("items")))
                .containsExactly(archived);
        assertThat(ids(api.get("/v1/conversations?archived=false&tag=infra", owner).body().path("items")))
                .containsExactly(tagged);
        assertThat(ids(api.get("/v1/conversations", owner).body().path("items")))
                .containsExactly(archived, pinned, tagged);
    }

    @Test
    void aPatchChangesOnlyTheFieldsGivenAndNullRemovesTheSystemPrompt() {
        String id = requests.create(owner, "{\"title\":\"old\",\"language\":\"java\",\"systemPrompt\":\"terse\","
                + "\"tags\":[\"a\"]}");

        Reply renamed = api.send("PATCH", "/v1/conversations/" + id, owner, "{\"title\":\"new\",\"pinned\":true}");
        Reply cleared = api.send("PATCH", "/v1/conversations/" + id, owner, "{\"systemPrompt\":null}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().path("title").asText()).isEqualTo("new");
        assertThat(renamed.body().path("systemPrompt").asText()).isEqualTo("terse");
        assertThat(cleared.body().path("systemPrompt").isNull()).isTrue();
        JsonNode read = requests.read(owner, id);
        assertThat(read.path("title").asText()).isEqualTo("new");
        assertThat(read.path("pinned").asBoolean()).isTrue();
        assertThat(read.path("tags")).extracting(JsonNode::asText).containsExactly("a");
        assertThat(read.path("systemPrompt").isNull()).isTrue();
    }

    @Test
    void aDeletedConversationIs404UntilRestoredAndListedAsDeletedMeanwhile() {
        String id = requests.create(owner);
        requests.say(owner, id, "write a queue");

        Reply deleted = api.send("DELETE", "/v1/conversations/" + id, owner, null);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().path("restorableUntil").asText()).isNotEmpty();
        assertThat(api.get("/v1/conversations/" + id, owner).status()).isEqualTo(404);
        assertThat(api.post("/v1/conversations/" + id + "/messages", owner, "{\"content\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(ids(api.get("/v1/conversations", owner).body().path("items"))).doesNotContain(id);
        assertThat(ids(api.get("/v1/conversations?deleted=true", owner).body().path("items"))).containsExactly(id);

        Reply restored = api.post("/v1/conversations/" + id + "/restore", owner, "");

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.body().path("deletedAt").isNull()).isTrue();
        assertThat(requests.read(owner, id).path("messages")).hasSize(2);
        assertThat(ids(api.get("/v1/conversations", owner).body().path("items"))).containsExactly(id);
    }

    @Test
    void afterTheRetentionADeletedConversationIsGoneAndCannotBeRestored() {
        String id = requests.create(owner);
        api.send("DELETE", "/v1/conversations/" + id, owner, null);
        assertThat(behindTheApi("UPDATE conversations SET deleted_at = deleted_at - interval '31 days'"
                + " WHERE id = ?", id)).isOne();

        Reply restore = api.post("/v1/conversations/" + id + "/restore", owner, "");

        assertThat(restore.status()).isEqualTo(404);
        assertThat(restore.body().path("type").asText()).endsWith("/conversation-not-found");
        assertThat(api.get("/v1/conversations?deleted=true", owner).body().path("items")).isEmpty();
        assertThat(api.get("/v1/conversations/" + id, owner).status()).isEqualTo(404);
    }

    @Test
    void aMessageIsStoredWithItsReplyAndFollowsTheLatestReplyByDefault() {
        String id = requests.create(owner);

        JsonNode first = requests.say(owner, id, "write a stack class");
        JsonNode second = requests.say(owner, id, "now make it generic");

        assertThat(first.path("message").path("role").asText()).isEqualTo("user");
        assertThat(first.path("message").path("parentId").isNull()).isTrue();
        assertThat(first.path("message").path("tokens").asInt()).isEqualTo(5);
        assertThat(first.path("reply").path("role").asText()).isEqualTo("assistant");
        assertThat(first.path("reply").path("content").asText()).contains("class").contains("write a stack class");
        assertThat(first.path("reply").path("tokens").asInt()).isPositive();
        assertThat(first.path("droppedTurns").asInt()).isZero();
        assertThat(second.path("message").path("parentId").asText())
                .isEqualTo(first.path("reply").path("id").asText());
        assertThat(contents(requests.read(owner, id).path("messages"))).containsExactly("write a stack class",
                first.path("reply").path("content").asText(), "now make it generic",
                second.path("reply").path("content").asText());
    }

    @Test
    void aMessageAfterAnEarlierReplyStartsABranchThatBecomesTheLatest() {
        String id = requests.create(owner);
        JsonNode first = requests.say(owner, id, "write a map");
        JsonNode onMain = requests.say(owner, id, "use a tree");
        String firstReply = first.path("reply").path("id").asText();

        JsonNode branched = requests.say(owner, id, "use a hash table", firstReply);

        assertThat(branched.path("message").path("parentId").asText()).isEqualTo(firstReply);
        assertThat(contents(requests.read(owner, id).path("messages")))
                .containsExactly("write a map", first.path("reply").path("content").asText(), "use a hash table",
                        branched.path("reply").path("content").asText());
        Reply older = api.get("/v1/conversations/" + id + "/messages?branch=" + onMain.path("reply").path("id").asText(),
                owner);
        assertThat(contents(older.body().path("items"))).containsExactly("write a map",
                first.path("reply").path("content").asText(), "use a tree",
                onMain.path("reply").path("content").asText());
        assertThat(contents(api.get("/v1/conversations/" + id + "/messages", owner).body().path("items")))
                .contains("use a hash table").doesNotContain("use a tree");
    }

    @Test
    void anEditIsANewVersionBesideTheOldWithAReplyOfItsOwn() {
        String id = requests.create(owner);
        JsonNode first = requests.say(owner, id, "sort a list");
        JsonNode old = requests.say(owner, id, "in place");
        String oldId = old.path("message").path("id").asText();

        Reply edited = api.send("PUT", "/v1/conversations/" + id + "/messages/" + oldId, owner,
                "{\"content\":\"without changing the input\"}");

        assertThat(edited.status()).as("%s", edited.body()).isEqualTo(201);
        JsonNode version = edited.body().path("message");
        assertThat(version.path("id").asText()).isNotEqualTo(oldId);
        assertThat(version.path("originId").asText()).isEqualTo(oldId);
        assertThat(version.path("version").asInt()).isEqualTo(2);
        assertThat(version.path("parentId").asText()).isEqualTo(first.path("reply").path("id").asText());
        assertThat(edited.body().path("reply").path("content").asText()).contains("without changing the input");
        Reply versions = api.get("/v1/conversations/" + id + "/messages/" + version.path("id").asText() + "/versions",
                owner);
        assertThat(contents(versions.body().path("items"))).containsExactly("in place", "without changing the input");
        assertThat(contents(requests.read(owner, id).path("messages"))).contains("without changing the input")
                .doesNotContain("in place");
        Reply oldBranch = api.get("/v1/conversations/" + id + "/messages?branch=" + old.path("reply").path("id").asText(),
                owner);
        assertThat(contents(oldBranch.body().path("items"))).contains("in place");
    }

    @Test
    void onlyUserMessagesAreEditedAndAMessageFollowsAReply() {
        String id = requests.create(owner);
        JsonNode turn = requests.say(owner, id, "parse json");
        String base = "/v1/conversations/" + id + "/messages";

        Reply editReply = api.send("PUT", base + "/" + turn.path("reply").path("id").asText(), owner,
                "{\"content\":\"x\"}");
        Reply afterUser = api.post(base, owner, "{\"content\":\"x\",\"parentId\":\""
                + turn.path("message").path("id").asText() + "\"}");

        assertThat(editReply.status()).isEqualTo(400);
        assertThat(editReply.body().path("field").asText()).isEqualTo("messageId");
        assertThat(afterUser.status()).isEqualTo(400);
        assertThat(afterUser.body().path("field").asText()).isEqualTo("parentId");
    }

    @Test
    void unknownMessagesAre404NamingWhereTheIdCameFrom() {
        String id = requests.create(owner);
        String base = "/v1/conversations/" + id + "/messages";
        String unknown = UUID.randomUUID().toString();

        Reply parent = api.post(base, owner, "{\"content\":\"x\",\"parentId\":\"" + unknown + "\"}");
        Reply branch = api.get(base + "?branch=" + unknown, owner);
        Reply edit = api.send("PUT", base + "/" + unknown, owner, "{\"content\":\"x\"}");
        Reply versions = api.get(base + "/" + unknown + "/versions", owner);

        assertThat(List.of(parent, branch, edit, versions)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body().path("type").asText()).endsWith("/message-not-found");
        });
        assertThat(parent.body().path("field").asText()).isEqualTo("parentId");
        assertThat(branch.body().path("field").asText()).isEqualTo("branch");
        assertThat(api.get("/v1/conversations/" + unknown, owner).body().path("type").asText())
                .endsWith("/conversation-not-found");
    }

    @Test
    void everyInvalidFieldOfACreationIsNamedAtOnce() {
        Reply reply = api.post("/v1/conversations", owner, "{\"title\":\" \",\"language\":\"cobol\","
                + "\"systemPrompt\":\"a\\u0000b\",\"tags\":[\"\"],\"model\":7}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body().path("errors")).extracting(e -> e.path("field").asText())
                .containsExactly("title", "language", "systemPrompt", "model", "tags");
    }

    @Test
    void badInputIsA400NamingTheField() {
        String id = requests.create(owner);
        String base = "/v1/conversations/" + id;

        assertThat(api.post("/v1/conversations", owner, "{\"title\":\"t\",\"language\":\"java\",\"colour\":1}")
                .body().path("field").asText()).isEqualTo("colour");
        assertThat(api.send("PATCH", base, owner, "{}").body().path("field").asText()).isEqualTo("body");
        assertThat(api.send("PATCH", base, owner, "{\"pinned\":\"yes\",\"title\":null}").body().path("errors"))
                .extracting(e -> e.path("field").asText()).containsExactlyInAnyOrder("pinned", "title");
        assertThat(api.send("PATCH", base, owner, "{\"tags\":[\"" + "x".repeat(51) + "\"]}").body()
                .path("field").asText()).isEqualTo("tags");
        assertThat(api.post(base + "/messages", owner, "{\"content\":\"\"}").body().path("field").asText())
                .isEqualTo("content");
        assertThat(api.post(base + "/messages", owner, "{\"content\":\"x\",\"parentId\":\"nope\"}").body()
                .path("field").asText()).isEqualTo("parentId");
        assertThat(api.post(base + "/messages", owner, "{\"content\":\"x" + "y".repeat(33 * 1024) + "\"}").status())
                .isEqualTo(400);
        assertThat(api.get("/v1/conversations/not-a-uuid", owner).body().path("field").asText()).isEqualTo("id");
        assertThat(api.get("/v1/conversations?pinned=maybe", owner).body().path("field").asText()).isEqualTo("pinned");
        assertThat(api.get("/v1/conversations?limit=0", owner).body().path("field").asText()).isEqualTo("limit");
        assertThat(api.get(base + "/messages?branch=x", owner).body().path("field").asText()).isEqualTo("branch");
    }
}
