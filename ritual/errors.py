"""One exception family; the CLI turns it into a message and an exit code in one place."""


class RitualError(Exception):
    """A problem the user can act on; never shown as a traceback."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidValue(RitualError, ValueError):
    """A value given by the user (or a file) that ritual cannot accept."""

    def __init__(self, field: str, value: object, problem: str) -> None:
        super().__init__(f"{field}: {value!r} {problem}")
        self.field = field
        self.value = value
        self.problem = problem


class NotFound(RitualError):
    """Nothing matched what the user asked for."""

    exit_code = 1


class Ambiguous(RitualError):
    """A name matched more than one record; the message lists them."""


class StoreError(RitualError):
    """The database cannot be used as it is (corrupt, foreign, too new)."""

    exit_code = 1


class SettingsError(RitualError):
    """A settings file holds a value ritual cannot use."""


def user_facing(exc: BaseException) -> tuple[str, int] | None:
    """The message and exit code a stopped command gives the user; None for anything else, which is a bug."""
    import sqlite3

    if isinstance(exc, RitualError):
        return exc.message, exc.exit_code
    if isinstance(exc, sqlite3.DatabaseError):
        return f"the database could not be used: {exc}", 1
    # A path the user named that cannot be read or written: bad input, not a crash.
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}", 2
    return None
