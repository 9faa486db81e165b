"""SQLite storage: schema, migrations, and conversion between rows and core objects."""

from ritual.store.database import Database, open_database

__all__ = ["Database", "open_database"]
