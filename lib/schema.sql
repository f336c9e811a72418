-- schema.sql — the policy index. Embedded in the binary; `policy sql` and any SQLite tool
-- can read every table. PRAGMA user_version holds the schema version (see index.h).
-- Offsets (begin_offset, end_offset) are byte offsets into the indexed file as read.

CREATE TABLE IF NOT EXISTS documents (
    id              INTEGER PRIMARY KEY,
    path            TEXT NOT NULL UNIQUE,     -- as given on the command line, made absolute
    file            TEXT NOT NULL,            -- base name
    sha256          TEXT NOT NULL,            -- of the file's bytes
    size            INTEGER NOT NULL,
    encoding        TEXT NOT NULL,
    title           TEXT,                     -- the notice's title (关于…的通知), else the plan's
    plan_title      TEXT,                     -- the wrapped plan's own title
    doc_number      TEXT,                     -- 文号, normalised: 吉办发〔2014〕32号
    doc_issuer_code TEXT,                     -- 吉办发
    doc_year        INTEGER,
    doc_serial      INTEGER,
    issuers         TEXT NOT NULL DEFAULT '[]',  -- JSON array
    issued          TEXT,                     -- ISO date of signing (成文), else of printing (印发)
    recipients      TEXT NOT NULL DEFAULT '[]',  -- JSON array (主送)
    cc              TEXT NOT NULL DEFAULT '[]',  -- JSON array (抄送)
    title_key       TEXT,                     -- title without 《》 and white space, for citation resolution
    extracted_at    TEXT NOT NULL             -- ISO timestamp (UTC)
);
CREATE INDEX IF NOT EXISTS documents_doc_number ON documents(doc_number);
CREATE INDEX IF NOT EXISTS documents_title_key ON documents(title_key);

CREATE TABLE IF NOT EXISTS sections (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    path         TEXT NOT NULL,               -- 六/(二)
    heading      TEXT NOT NULL,
    level        INTEGER NOT NULL,
    ordinal      INTEGER NOT NULL,            -- order in the document
    begin_offset INTEGER, end_offset INTEGER, line INTEGER
);
CREATE INDEX IF NOT EXISTS sections_document ON sections(document_id);

CREATE TABLE IF NOT EXISTS tasks (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    path         TEXT NOT NULL,               -- 六/(一)/3
    number       TEXT NOT NULL,               -- 3
    section      TEXT NOT NULL,               -- 六/(一), '' outside any section
    text         TEXT NOT NULL,
    ordinal      INTEGER NOT NULL,
    begin_offset INTEGER, end_offset INTEGER, line INTEGER
);
CREATE INDEX IF NOT EXISTS tasks_document ON tasks(document_id);

CREATE TABLE IF NOT EXISTS departments (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE                -- canonical name (grammars/departments.txt)
);

CREATE TABLE IF NOT EXISTS department_aliases (
    alias          TEXT PRIMARY KEY,          -- a name as written, or an old name
    department_id  INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS task_departments (
    task_id        INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    department_id  INTEGER NOT NULL REFERENCES departments(id),
    name           TEXT NOT NULL,             -- as written in the task
    role           TEXT NOT NULL CHECK (role IN ('lead', 'responsible')),
    ordinal        INTEGER NOT NULL,
    PRIMARY KEY (task_id, ordinal)
);
CREATE INDEX IF NOT EXISTS task_departments_department ON task_departments(department_id);

CREATE TABLE IF NOT EXISTS deadlines (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    task_id       INTEGER REFERENCES tasks(id) ON DELETE CASCADE,  -- NULL: the document's
    text          TEXT NOT NULL,              -- 2019年底前
    date          TEXT,                       -- ISO last day allowed; NULL for 汛期前
    year_inferred INTEGER NOT NULL DEFAULT 0,
    begin_offset INTEGER, end_offset INTEGER, line INTEGER
);
CREATE INDEX IF NOT EXISTS deadlines_date ON deadlines(date);

CREATE TABLE IF NOT EXISTS citations (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    task_id      INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('doc_number', 'title')),
    text         TEXT NOT NULL,               -- normalised 文号, or the title as written
    issuer_code  TEXT, year INTEGER, serial INTEGER,   -- for kind doc_number
    doc_number   TEXT,                        -- for a title followed by its 文号
    title_key    TEXT,                        -- for kind title: text without white space
    ordinal      INTEGER NOT NULL,
    begin_offset INTEGER, end_offset INTEGER, line INTEGER
);
CREATE INDEX IF NOT EXISTS citations_document ON citations(document_id);
CREATE INDEX IF NOT EXISTS citations_text ON citations(text);

-- Each citation resolved to an indexed document, by 文号 or by title, whichever order the
-- two were indexed in. cited_document_id is NULL when the index does not hold it.
CREATE VIEW IF NOT EXISTS citation_links AS
SELECT c.id AS citation_id, c.document_id AS citing_document_id, c.kind, c.text, c.doc_number,
       COALESCE(
         (SELECT d.id FROM documents d WHERE c.kind = 'doc_number' AND d.doc_number = c.text AND d.id <> c.document_id),
         (SELECT d.id FROM documents d WHERE c.doc_number IS NOT NULL AND d.doc_number = c.doc_number AND d.id <> c.document_id),
         (SELECT d.id FROM documents d WHERE c.kind = 'title' AND d.title_key = c.title_key AND d.id <> c.document_id),
         (SELECT d.id FROM documents d WHERE c.kind = 'title' AND d.plan_title IS NOT NULL
            AND replace(replace(d.plan_title, ' ', ''), '　', '') = c.title_key AND d.id <> c.document_id)
       ) AS cited_document_id
FROM citations c;

-- Full-text search over segmented task text and titles: `words` holds the segmenter's
-- output, space-separated, so FTS5's stock unicode61 tokenizer sees Chinese words and any
-- SQLite shell can query it without loading anything from policy.
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    words,                    -- segmented text
    kind UNINDEXED,           -- 'task' or 'title'
    document_id UNINDEXED,
    task_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0'
);

PRAGMA user_version = 1;
