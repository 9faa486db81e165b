"""Where the daemon writes what it did: a private log file in the state folder, and stderr."""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from ritual.paths import make_private_dir

LOG_NAME = "daemon.log"


def log_to_state(state_dir: Path, level: int = logging.INFO) -> Path:
    """Send reminder logs to `state_dir/daemon.log` (owner-only, rotated) and to stderr; returns the file."""
    make_private_dir(state_dir)
    path = state_dir / LOG_NAME
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    form = logging.Formatter("%(asctime)s %(levelname)s %(message)s")
    to_file = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    to_err = logging.StreamHandler(sys.stderr)
    logger = logging.getLogger("ritual.reminders")
    for handler in (to_file, to_err):
        handler.setFormatter(form)
        logger.addHandler(handler)
    logger.setLevel(level)
    return path
