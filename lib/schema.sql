-- schema.sql — the policy index. Embedded in the binary and run when an index is created;
-- `policy sql`, the stock sqlite3 shell and tools like datasette read every table without
-- loading anything from policy (the full-text tables use FTS5's stock unicode61 tokenizer).
-- PRAGMA user_version holds the schema version (index.cpp checks and migrates it).
-- Offsets (begin_offset, end_offset) are byte offsets into the indexed file as read; line is
-- 1-based. Lists (issuers, recipients, cc) are JSON arrays: json_each() opens them.

CREATE TABLE IF NOT EXISTS documents (
    id              INTEGER PRIMARY KEY,
    path            TEXT NOT NULL UNIQUE,     -- absolute path of the indexed file ('-' for stdin)
    file            TEXT NOT NULL,            -- base name
    sha256          TEXT NOT NULL,            -- of the file's bytes; unchanged means skipped
    size            INTEGER NOT NULL,         -- bytes
    encoding        TEXT NOT NULL,            -- UTF-8, GB18030, UTF-16LE, ...
    title           TEXT,                     -- the notice's title (关于…的通知), else the plan's
    plan_title      TEXT,                     -- the wrapped plan's own title
    doc_number      TEXT,                     -- 文号, normalised: 吉办发〔2014〕32号
    doc_issuer_code TEXT,                     -- 吉办发
    doc_year        INTEGER,
    doc_serial      INTEGER,
    issuers         TEXT NOT NULL DEFAULT '[]',  -- JSON array
    issued          TEXT,                     -- ISO date of signing (成文), else of printing (印发)
    recipients      TEXT NOT NULL DEFAULT '[]',  -- JSON array (主送, the addressees)
    cc              TEXT NOT NULL DEFAULT '[]',  -- JSON array (抄送, copied to)
    title_key       TEXT,                     -- title without 《》 and white space, for citation links
    plan_title_key  TEXT,                     -- the same for plan_title
    extracted_at    TEXT NOT NULL,            -- ISO timestamp (UTC)
    mtime_ns        INTEGER                   -- the file's modification time when read (ns since 1970; NULL: unknown)
);
CREATE INDEX IF NOT EXISTS documents_doc_number ON documents(doc_number);
CREATE INDEX IF NOT EXISTS documents_title_key ON documents(title_key);
CREATE INDEX IF NOT EXISTS documents_plan_title_key ON documents(plan_title_key);

CREATE TABLE IF NOT EXISTS sections (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    path         TEXT NOT NULL,               -- 六/(二)
    heading      TEXT NOT NULL,
    level        INTEGER NOT NULL,
    ordinal      INTEGER NOT NULL,            -- order in the document, from 0
    begin_offset INTEGER, end_offset INTEGER, line INTEGER
);
CREATE INDEX IF NOT EXISTS sections_document ON sections(document_id);

CREATE TABLE IF NOT EXISTS tasks (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    path         TEXT NOT NULL,               -- outline path: 六/(一)/3
    number       TEXT NOT NULL,               -- 3
    section      TEXT NOT NULL,               -- 六/(一), '' outside any section
    text         TEXT NOT NULL,               -- the whole item, department parenthesis included
    ordinal      INTEGER NOT NULL,            -- order in the document, from 0
    begin_offset INTEGER, end_offset INTEGER, line INTEGER
);
CREATE INDEX IF NOT EXISTS tasks_document ON tasks(document_id);

CREATE TABLE IF NOT EXISTS departments (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE                -- canonical name (grammars/departments.txt)
);

-- Every name a department goes by: the lexicon's aliases and old names, and each name as
-- written in an indexed task. The canonical name is an alias of itself.
CREATE TABLE IF NOT EXISTS department_aliases (
    alias          TEXT PRIMARY KEY,
    department_id  INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS department_aliases_department ON department_aliases(department_id);

CREATE TABLE IF NOT EXISTS task_departments (
    task_id        INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    department_id  INTEGER NOT NULL REFERENCES departments(id),
    name           TEXT NOT NULL,             -- as written in the task
    role           TEXT NOT NULL CHECK (role IN ('lead', 'responsible')),  -- 牵头 or 负责/配合
    ordinal        INTEGER NOT NULL,
    PRIMARY KEY (task_id, ordinal)
);
CREATE INDEX IF NOT EXISTS task_departments_department ON task_departments(department_id);

CREATE TABLE IF NOT EXISTS deadlines (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    task_id       INTEGER REFERENCES tasks(id) ON DELETE CASCADE,  -- NULL: the document's own
    text          TEXT NOT NULL,              -- 2019年底前
    date          TEXT,                       -- ISO last day allowed; NULL for 汛期前
    year_inferred INTEGER NOT NULL DEFAULT 0, -- 1 when the year came from context
    ordinal       INTEGER NOT NULL,
    begin_offset INTEGER, end_offset INTEGER, line INTEGER
);
CREATE INDEX IF NOT EXISTS deadlines_document ON deadlines(document_id);
CREATE INDEX IF NOT EXISTS deadlines_task ON deadlines(task_id);
CREATE INDEX IF NOT EXISTS deadlines_date ON deadlines(date);

CREATE TABLE IF NOT EXISTS citations (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    task_id      INTEGER REFERENCES tasks(id) ON DELETE CASCADE,  -- the task it sits in, if any
    kind         TEXT NOT NULL CHECK (kind IN ('doc_number', 'title')),
    text         TEXT NOT NULL,               -- normalised 文号, or the title as written
    issuer_code  TEXT, year INTEGER, serial INTEGER,   -- the 文号's parts, for kind doc_number
    doc_number   TEXT,                        -- for a title followed by its 文号
    title_key    TEXT,                        -- for kind title: text without 《》 and white space
    ordinal      INTEGER NOT NULL,
    begin_offset INTEGER, end_offset INTEGER, line INTEGER
);
CREATE INDEX IF NOT EXISTS citations_document ON citations(document_id);
CREATE INDEX IF NOT EXISTS citations_task ON citations(task_id);
CREATE INDEX IF NOT EXISTS citations_text ON citations(text);
CREATE INDEX IF NOT EXISTS citations_doc_number ON citations(doc_number);
CREATE INDEX IF NOT EXISTS citations_title_key ON citations(title_key);

-- Each citation resolved to an indexed document, by 文号 first, then by title (the notice's
-- or the wrapped plan's). A view, so a document indexed after the one citing it resolves
-- too. cited_document_id is NULL when the index does not hold the cited document; when
-- several copies do, the earliest indexed one is named.
CREATE VIEW IF NOT EXISTS citation_links AS
SELECT c.id AS citation_id, c.document_id AS citing_document_id, c.task_id, c.kind, c.text, c.doc_number,
       COALESCE(
         (SELECT min(d.id) FROM documents d
           WHERE c.kind = 'doc_number' AND d.doc_number = c.text AND d.id <> c.document_id),
         (SELECT min(d.id) FROM documents d
           WHERE c.doc_number IS NOT NULL AND d.doc_number = c.doc_number AND d.id <> c.document_id),
         (SELECT min(d.id) FROM documents d
           WHERE c.kind = 'title' AND d.title_key = c.title_key AND d.id <> c.document_id),
         (SELECT min(d.id) FROM documents d
           WHERE c.kind = 'title' AND d.plan_title_key = c.title_key AND d.id <> c.document_id)
       ) AS cited_document_id
FROM citations c;

-- Full-text search. `words` holds the segmenter's output for the text, space-separated, so
-- FTS5's stock unicode61 tokenizer sees Chinese words and any SQLite shell can query it:
--   SELECT t.path, t.text FROM search s JOIN tasks t ON t.id = s.task_id
--    WHERE search MATCH '尾矿库' AND s.kind = 'task' ORDER BY bm25(search);
-- A query must be segmented the same way (policy search does it). One row per task (kind
-- 'task', rowid = tasks.id) and one per document for its title and plan title (kind
-- 'title', rowid = -documents.id), so rows are found by rowid when their task or document
-- goes; the triggers below keep them in step with deletions.
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    words,                    -- segmented text
    kind UNINDEXED,           -- 'task' or 'title'
    document_id UNINDEXED,
    task_id UNINDEXED,        -- NULL for kind 'title'
    tokenize = 'unicode61 remove_diacritics 0'
);
-- Merge segments 8 at a time rather than 4: indexing writes a segment per commit, and fewer,
-- larger merges cut FTS5's share of indexing time by about a third; queries barely notice.
INSERT INTO search(search, rank) VALUES('automerge', 8);

CREATE TRIGGER IF NOT EXISTS tasks_delete_search AFTER DELETE ON tasks BEGIN
    DELETE FROM search WHERE rowid = old.id;
END;
CREATE TRIGGER IF NOT EXISTS documents_delete_search AFTER DELETE ON documents BEGIN
    DELETE FROM search WHERE rowid = -old.id;
END;

PRAGMA user_version = 2;
