"""What a calendar export can hold: names shared by settings and the exporter (a light module on purpose)."""

from __future__ import annotations

from ritual.core.planner import KEEP_IN_TOUCH, POST, WRITE

BIRTHDAYS = "birthdays"
OCCASIONS = "occasions"
SESSIONS = "sessions"
INCLUDE_CHOICES = (BIRTHDAYS, OCCASIONS, WRITE, POST, KEEP_IN_TOUCH, SESSIONS)
# Sessions are on by default: they add nothing until the user keeps writing sessions.
DEFAULT_INCLUDE = (BIRTHDAYS, OCCASIONS, WRITE, POST, SESSIONS)
