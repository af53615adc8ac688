-- Conversations: code-centred chat. A conversation belongs to one caller (user_id); deleting it sets deleted_at,
-- and it can be restored until the configured retention has passed, after which it is gone. revision moves on with
-- every change, so that the copy in Redis is only ever replaced by a newer one.

CREATE TABLE conversations (
    id            UUID        PRIMARY KEY,
    user_id       UUID        NOT NULL,
    title         TEXT        NOT NULL,
    language      TEXT        NOT NULL,
    system_prompt TEXT,
    model         TEXT        NOT NULL,
    tags          TEXT[]      NOT NULL DEFAULT '{}',
    pinned        BOOLEAN     NOT NULL DEFAULT false,
    archived      BOOLEAN     NOT NULL DEFAULT false,
    revision      BIGINT      NOT NULL DEFAULT 1,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    deleted_at    TIMESTAMPTZ
);

-- GET /v1/conversations pages a caller's conversations newest first on (created_at, id), as the generation history
-- does; the tag, pinned and archived filters are checked on the caller's rows this index walks.
CREATE INDEX conversations_history ON conversations (user_id, created_at DESC, id DESC);
-- the purge of conversations deleted longer ago than the retention
CREATE INDEX conversations_deleted ON conversations (deleted_at) WHERE deleted_at IS NOT NULL;

-- Messages form a tree: parent_id is the message answered (NULL for a conversation's first); a branch is the path
-- from a root to a leaf. An edit of a user message is a new message beside it (same parent) with the same origin_id
-- (the first version's id) and the next version, so every version and the replies under it are kept.
CREATE TABLE conversation_messages (
    id              UUID        PRIMARY KEY,
    conversation_id UUID        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    parent_id       UUID        REFERENCES conversation_messages (id) ON DELETE CASCADE,
    role            TEXT        NOT NULL CHECK (role IN ('user', 'assistant')),
    content         TEXT        NOT NULL,
    tokens          INTEGER     NOT NULL,
    origin_id       UUID        NOT NULL,
    version         INTEGER     NOT NULL DEFAULT 1,
    model           TEXT,
    dropped_turns   INTEGER,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (origin_id, version)
);

-- the latest branch is the one whose leaf is the conversation's newest message
CREATE INDEX conversation_messages_newest ON conversation_messages (conversation_id, created_at DESC, id DESC);
-- deleting a message's parent (a purge) finds its children
CREATE INDEX conversation_messages_children ON conversation_messages (parent_id);
