"""The schema as ordered migrations; `PRAGMA user_version` records how many have run."""

from __future__ import annotations

# "RITU" in ASCII: marks a file as ritual's so a foreign SQLite file is never touched.
APPLICATION_ID = 0x52495455

MIGRATIONS: tuple[str, ...] = (
    # 1: friends, addresses, tags, occasions, the public-holiday cache, and key/value meta.
    """
    CREATE TABLE friends (
        -- AUTOINCREMENT: an id is never reused, so calendar UIDs and reminder keys stay unique.
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        nickname TEXT NOT NULL DEFAULT '',
        birth_month INTEGER CHECK (birth_month BETWEEN 1 AND 12),
        birth_day INTEGER CHECK (birth_day BETWEEN 1 AND 31),
        birth_year INTEGER,
        feb29 TEXT CHECK (feb29 IN ('feb28', 'mar1')),
        birthday_card INTEGER NOT NULL DEFAULT 1,
        relationship TEXT NOT NULL DEFAULT '',
        how_met TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        cadence_days INTEGER CHECK (cadence_days > 0),
        last_sent TEXT,
        last_received TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX friends_name ON friends (name COLLATE NOCASE);
    CREATE TABLE addresses (
        id INTEGER PRIMARY KEY,
        friend_id INTEGER NOT NULL REFERENCES friends (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        lines TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        region TEXT NOT NULL DEFAULT '',
        postal_code TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX addresses_friend ON addresses (friend_id, position);
    CREATE TABLE friend_tags (
        friend_id INTEGER NOT NULL REFERENCES friends (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (friend_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX friend_tags_tag ON friend_tags (tag);
    CREATE TABLE occasions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        friend_id INTEGER NOT NULL REFERENCES friends (id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
        day INTEGER CHECK (day BETWEEN 1 AND 31),
        year INTEGER,
        yearly INTEGER NOT NULL DEFAULT 1,
        card INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX occasions_friend ON occasions (friend_id);
    CREATE TABLE holiday_years (
        country TEXT NOT NULL,
        year INTEGER NOT NULL,
        library_version TEXT NOT NULL,
        PRIMARY KEY (country, year)
    ) WITHOUT ROWID;
    CREATE TABLE public_holidays (
        country TEXT NOT NULL,
        day TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (country, day)
    ) WITHOUT ROWID;
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 2: where imported friends came from (vCard UID) and the values last imported, so a re-import
    # updates what changed in the file but keeps what the user edited since.
    """
    CREATE TABLE friend_sources (
        friend_id INTEGER NOT NULL REFERENCES friends (id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        external_id TEXT,
        imported TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (friend_id, source)
    ) WITHOUT ROWID;
    CREATE INDEX friend_sources_external ON friend_sources (external_id);
    """,
    # 3: reminders. One row per stable reminder key: claimed by one process, then marked delivered only once a
    # notifier succeeded; the primary key is what keeps the app and a daemon from both delivering it.
    # No foreign key to friends: the record of what was sent outlives a removed friend. Muted friends get none.
    """
    CREATE TABLE reminder_deliveries (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        friend_id INTEGER,
        due_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'delivered', 'failed')),
        claimed_by TEXT NOT NULL DEFAULT '',
        claimed_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        delivered_at TEXT,
        notifier TEXT,
        late INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
    ) WITHOUT ROWID;
    CREATE INDEX reminder_deliveries_friend ON reminder_deliveries (friend_id, kind, delivered_at);
    CREATE INDEX reminder_deliveries_delivered ON reminder_deliveries (delivered_at);
    CREATE TABLE reminder_mutes (
        friend_id INTEGER PRIMARY KEY REFERENCES friends (id) ON DELETE CASCADE,
        muted_at TEXT NOT NULL
    );
    """,
    # 4: the letter box and the reflections behind letters. Letters go with their friend when the friend is
    # removed; a received letter is 'answered' once a letter goes back. Reflections are kept per sitting so a
    # ritual interrupted halfway keeps every answer already given; a skipped question is kept (answer '') so it
    # does not come straight back.
    """
    CREATE TABLE letters (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        friend_id INTEGER NOT NULL REFERENCES friends (id) ON DELETE CASCADE,
        direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
        status TEXT NOT NULL CHECK (status IN ('written', 'posted', 'arrived', 'received', 'answered')),
        written_on TEXT,
        posted_on TEXT,
        arrived_on TEXT,
        received_on TEXT,
        occasion TEXT NOT NULL DEFAULT '',
        medium TEXT NOT NULL DEFAULT 'letter',
        tone TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        scan TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK ((direction = 'sent' AND written_on IS NOT NULL) OR (direction = 'received' AND received_on IS NOT NULL))
    );
    CREATE INDEX letters_friend ON letters (friend_id, direction);
    CREATE INDEX letters_day ON letters (coalesce(written_on, received_on));
    CREATE TABLE reflections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        friend_id INTEGER NOT NULL REFERENCES friends (id) ON DELETE CASCADE,
        sitting TEXT NOT NULL,
        prompt_id TEXT NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL DEFAULT '',
        skipped INTEGER NOT NULL DEFAULT 0,
        occasion TEXT NOT NULL DEFAULT '',
        tone TEXT NOT NULL DEFAULT '',
        asked_at TEXT NOT NULL
    );
    CREATE INDEX reflections_friend ON reflections (friend_id, asked_at);
    CREATE INDEX reflections_sitting ON reflections (sitting);
    """,
    # 5: calendars kept current by themselves (`export_ics_files`, `export_caldav_urls`). One row per target:
    # the fingerprint of what its last good refresh was made from (so an unchanged store costs no export), when it
    # last refreshed and last changed, and the last error. No row until a target is first refreshed.
    """
    CREATE TABLE export_targets (
        target TEXT PRIMARY KEY,
        fingerprint TEXT,
        refreshed_at TEXT,
        changed_at TEXT,
        events INTEGER,
        last_error TEXT,
        failed_at TEXT
    ) WITHOUT ROWID;
    """,
    # 6: writing sessions, supplies and holiday projects. One-off extra sessions and skipped days beside the weekly
    # sessions kept in settings (a skip without a start skips the whole day); a friend's own minutes per letter;
    # supplies on hand by kind (stamps of each kind, cards); projects grouping friends for a batch of cards,
    # with where each card stands.
    """
    CREATE TABLE writing_session_days (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('extra', 'skip')),
        start TEXT,
        minutes INTEGER CHECK (minutes > 0),
        CHECK (kind = 'skip' OR (start IS NOT NULL AND minutes IS NOT NULL))
    );
    CREATE INDEX writing_session_days_day ON writing_session_days (day);
    CREATE TABLE writing_minutes (
        friend_id INTEGER PRIMARY KEY REFERENCES friends (id) ON DELETE CASCADE,
        minutes INTEGER NOT NULL CHECK (minutes > 0)
    );
    CREATE TABLE supplies (
        kind TEXT PRIMARY KEY CHECK (trim(kind) <> ''),
        count INTEGER NOT NULL CHECK (count >= 0),
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE projects (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),
        occasion TEXT NOT NULL DEFAULT '',
        due TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE project_members (
        project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        friend_id INTEGER NOT NULL REFERENCES friends (id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('to_write', 'written', 'posted', 'arrived')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (project_id, friend_id)
    ) WITHOUT ROWID;
    CREATE INDEX project_members_friend ON project_members (friend_id);
    """,
    # 7: cards. One row per friend, occasion name and occasion date, written when a first step happens (a planned
    # card needs no row); each step keeps its date, and the status follows from them. Letters and project members
    # point at their card; a project's card statuses move into cards, the one place a card's state is kept.
    """
    CREATE TABLE cards (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        friend_id INTEGER NOT NULL REFERENCES friends (id) ON DELETE CASCADE,
        occasion TEXT NOT NULL CHECK (trim(occasion) <> ''),
        occasion_date TEXT NOT NULL,
        written_on TEXT,
        posted_on TEXT,
        arrived_on TEXT,
        ending TEXT NOT NULL DEFAULT '' CHECK (ending IN ('', 'skipped', 'given')),
        ended_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        UNIQUE (friend_id, occasion, occasion_date),
        CHECK (posted_on IS NULL OR written_on IS NOT NULL),
        CHECK (arrived_on IS NULL OR posted_on IS NOT NULL),
        CHECK ((ending = '') = (ended_on IS NULL))
    );
    CREATE INDEX cards_day ON cards (occasion_date);
    ALTER TABLE letters ADD COLUMN card_id INTEGER REFERENCES cards (id) ON DELETE SET NULL;
    CREATE INDEX letters_card ON letters (card_id);
    INSERT INTO cards (friend_id, occasion, occasion_date, written_on, posted_on, arrived_on, updated_at)
        SELECT m.friend_id, CASE WHEN trim(p.occasion) <> '' THEN p.occasion ELSE p.name END,
               coalesce(p.due, substr(p.created_at, 1, 10)),
               CASE WHEN m.status <> 'to_write' THEN substr(m.updated_at, 1, 10) END,
               CASE WHEN m.status IN ('posted', 'arrived') THEN substr(m.updated_at, 1, 10) END,
               CASE WHEN m.status = 'arrived' THEN substr(m.updated_at, 1, 10) END,
               m.updated_at
        FROM project_members m JOIN projects p ON p.id = m.project_id
        WHERE m.status <> 'to_write'
        ON CONFLICT DO NOTHING;
    ALTER TABLE project_members DROP COLUMN status;
    """,
    # 8: every stored value inside its range (ritual/core/ranges.py), so rows kept before the ranges existed
    # still load. A year outside 1800-2200 (1000-2200 for occasions) is forgotten (the birthday keeps its day), a cadence is capped at
    # 36,500 days, letter days are brought to the nearest end of the range (their order kept), and a one-off
    # occasion outside the range, which could never be planned, is dropped.
    """
    UPDATE friends SET birth_year = NULL WHERE birth_year NOT BETWEEN 1800 AND 2200;
    UPDATE friends SET cadence_days = 36500 WHERE cadence_days > 36500;
    UPDATE friends SET last_sent = NULL WHERE last_sent NOT BETWEEN '1800-01-01' AND '2200-12-31';
    UPDATE friends SET last_received = NULL WHERE last_received NOT BETWEEN '1800-01-01' AND '2200-12-31';
    DELETE FROM occasions WHERE yearly = 0 AND year NOT BETWEEN 1000 AND 2200;
    UPDATE occasions SET year = NULL WHERE year NOT BETWEEN 1000 AND 2200;
    UPDATE letters SET written_on = max('1800-01-01', min('2200-12-31', written_on)) WHERE written_on IS NOT NULL;
    UPDATE letters SET posted_on = max('1800-01-01', min('2200-12-31', posted_on)) WHERE posted_on IS NOT NULL;
    UPDATE letters SET arrived_on = max('1800-01-01', min('2200-12-31', arrived_on)) WHERE arrived_on IS NOT NULL;
    UPDATE letters SET received_on = max('1800-01-01', min('2200-12-31', received_on)) WHERE received_on IS NOT NULL;
    """,
    # 9: a reminder whose delivery was interrupted (the process died while a notifier ran) is 'uncertain': it is
    # not sent again blindly, but shown in `remind --status` and, once, in the next weekly digest (`reported_at`).
    """
    CREATE TABLE reminder_deliveries_new (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        friend_id INTEGER,
        due_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'delivered', 'failed', 'uncertain')),
        claimed_by TEXT NOT NULL DEFAULT '',
        claimed_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        delivered_at TEXT,
        notifier TEXT,
        late INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        reported_at TEXT
    ) WITHOUT ROWID;
    INSERT INTO reminder_deliveries_new (key, kind, friend_id, due_at, state, claimed_by, claimed_at, attempts,
                                         delivered_at, notifier, late, last_error)
        SELECT key, kind, friend_id, due_at, state, claimed_by, claimed_at, attempts, delivered_at, notifier, late,
               last_error FROM reminder_deliveries;
    DROP TABLE reminder_deliveries;
    ALTER TABLE reminder_deliveries_new RENAME TO reminder_deliveries;
    CREATE INDEX reminder_deliveries_friend ON reminder_deliveries (friend_id, kind, delivered_at);
    CREATE INDEX reminder_deliveries_delivered ON reminder_deliveries (delivered_at);
    CREATE INDEX reminder_deliveries_state ON reminder_deliveries (state);
    """,
    # 10: each exported calendar event's revision, so SEQUENCE and LAST-MODIFIED only ever grow, and only when
    # the event's content (its digest) changed; an unchanged event keeps them and exports byte for byte the same.
    """
    CREATE TABLE IF NOT EXISTS calendar_revisions (
        uid TEXT PRIMARY KEY,
        digest TEXT NOT NULL,
        sequence INTEGER NOT NULL CHECK (sequence >= 0),
        modified TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 11: two-way contacts sync with vdir folders. One row per card file: its UID, the friend it is linked to
    # (NULL once the friend is removed in ritual, so the card can be removed too), the SHA-256 of its bytes when
    # last synced (changes are found by content, never by mtime), and the ritual-owned values both sides agreed
    # on then: the base of the three-way merge. A conflict keeps both values until the user chooses one.
    """
    CREATE TABLE IF NOT EXISTS vdir_cards (
        vdir TEXT NOT NULL,
        href TEXT NOT NULL,
        uid TEXT NOT NULL DEFAULT '',
        friend_id INTEGER REFERENCES friends (id) ON DELETE SET NULL,
        hash TEXT NOT NULL,
        base TEXT NOT NULL,
        synced_at TEXT NOT NULL,
        PRIMARY KEY (vdir, href)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS vdir_cards_friend ON vdir_cards (friend_id);
    CREATE TABLE IF NOT EXISTS vdir_conflicts (
        vdir TEXT NOT NULL,
        href TEXT NOT NULL,
        friend_id INTEGER NOT NULL REFERENCES friends (id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        ritual_value TEXT NOT NULL,
        card_value TEXT NOT NULL,
        found_at TEXT NOT NULL,
        PRIMARY KEY (vdir, href, field)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS vdir_conflicts_friend ON vdir_conflicts (friend_id);
    """,
    # 12: the ritual remembers: the phrases kept from a received letter (a JSON list), the sitting whose answers
    # went into a letter and the minutes of its focus timer, and the answer marked the heart of an outline.
    """
    ALTER TABLE letters ADD COLUMN quotes TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE letters ADD COLUMN sitting TEXT NOT NULL DEFAULT '';
    ALTER TABLE letters ADD COLUMN focus_minutes INTEGER CHECK (focus_minutes IS NULL OR focus_minutes >= 0);
    ALTER TABLE reflections ADD COLUMN heart INTEGER NOT NULL DEFAULT 0 CHECK (heart IN (0, 1));
    CREATE INDEX letters_sitting ON letters (sitting) WHERE sitting <> '';
    """,
    # 13: one change signal for every screen. Each write to what the screens show bumps one counter, so an open app
    # notices a project, letter or supply changed by another process (the CLI) as cheaply as a friend.
    """
    CREATE TABLE IF NOT EXISTS change_count (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        n INTEGER NOT NULL
    );
    INSERT OR IGNORE INTO change_count (id, n) VALUES (1, 0);
    CREATE TRIGGER IF NOT EXISTS friends_insert_counted AFTER INSERT ON friends BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS friends_update_counted AFTER UPDATE ON friends BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS friends_delete_counted AFTER DELETE ON friends BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS addresses_insert_counted AFTER INSERT ON addresses BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS addresses_update_counted AFTER UPDATE ON addresses BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS addresses_delete_counted AFTER DELETE ON addresses BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS friend_tags_insert_counted AFTER INSERT ON friend_tags BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS friend_tags_update_counted AFTER UPDATE ON friend_tags BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS friend_tags_delete_counted AFTER DELETE ON friend_tags BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS occasions_insert_counted AFTER INSERT ON occasions BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS occasions_update_counted AFTER UPDATE ON occasions BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS occasions_delete_counted AFTER DELETE ON occasions BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS letters_insert_counted AFTER INSERT ON letters BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS letters_update_counted AFTER UPDATE ON letters BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS letters_delete_counted AFTER DELETE ON letters BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS reflections_insert_counted AFTER INSERT ON reflections BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS reflections_update_counted AFTER UPDATE ON reflections BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS reflections_delete_counted AFTER DELETE ON reflections BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS writing_session_days_insert_counted AFTER INSERT ON writing_session_days BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS writing_session_days_update_counted AFTER UPDATE ON writing_session_days BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS writing_session_days_delete_counted AFTER DELETE ON writing_session_days BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS writing_minutes_insert_counted AFTER INSERT ON writing_minutes BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS writing_minutes_update_counted AFTER UPDATE ON writing_minutes BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS writing_minutes_delete_counted AFTER DELETE ON writing_minutes BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS supplies_insert_counted AFTER INSERT ON supplies BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS supplies_update_counted AFTER UPDATE ON supplies BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS supplies_delete_counted AFTER DELETE ON supplies BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS projects_insert_counted AFTER INSERT ON projects BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS projects_update_counted AFTER UPDATE ON projects BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS projects_delete_counted AFTER DELETE ON projects BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS project_members_insert_counted AFTER INSERT ON project_members BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS project_members_update_counted AFTER UPDATE ON project_members BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS project_members_delete_counted AFTER DELETE ON project_members BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS cards_insert_counted AFTER INSERT ON cards BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS cards_update_counted AFTER UPDATE ON cards BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS cards_delete_counted AFTER DELETE ON cards BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS reminder_mutes_insert_counted AFTER INSERT ON reminder_mutes BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS reminder_mutes_update_counted AFTER UPDATE ON reminder_mutes BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS reminder_mutes_delete_counted AFTER DELETE ON reminder_mutes BEGIN
        UPDATE change_count SET n = n + 1 WHERE id = 1;
    END;
    """,
)
