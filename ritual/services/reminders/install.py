"""systemd user units and launchd agents for reminders, written from templates with this ritual's own path."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from ritual.paths import Paths
from ritual.private_files import OutputPathError

SYSTEMD_REMIND_SERVICE = """\
[Unit]
Description=ritual: deliver the reminders that are due and refresh the calendars it keeps

[Service]
Type=oneshot
ExecStart={command} remind --catch-up
"""

SYSTEMD_REMIND_TIMER = """\
[Unit]
Description=ritual: reminders and kept calendars, every quarter of an hour

[Timer]
OnCalendar=*:0/15
# Runs once on wake or boot when a check was missed while the machine was off or asleep.
Persistent=true

[Install]
WantedBy=timers.target
"""

SYSTEMD_DAEMON_SERVICE = """\
[Unit]
Description=ritual: reminder daemon for letters and cards
After=graphical-session.target

[Service]
ExecStart={command} daemon
Restart=on-failure
RestartSec=30

[Install]
WantedBy=default.target
"""

LAUNCHD_REMIND_AGENT = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>org.ritual.remind</string>
  <key>ProgramArguments</key>
  <array>
{arguments}
    <string>remind</string>
    <string>--catch-up</string>
  </array>
  <key>StartCalendarInterval</key>
  <array>
    <dict><key>Minute</key><integer>0</integer></dict>
    <dict><key>Minute</key><integer>15</integer></dict>
    <dict><key>Minute</key><integer>30</integer></dict>
    <dict><key>Minute</key><integer>45</integer></dict>
  </array>
  <key>RunAtLoad</key>
  <true/>
</dict>
</plist>
"""

SYSTEMD_FILES = {"ritual-remind.service": SYSTEMD_REMIND_SERVICE, "ritual-remind.timer": SYSTEMD_REMIND_TIMER,
                 "ritual-daemon.service": SYSTEMD_DAEMON_SERVICE}
LAUNCHD_FILES = {"org.ritual.remind.plist": LAUNCHD_REMIND_AGENT}


@dataclass(frozen=True)
class Installed:
    """What was written, and what the user runs next."""

    files: list[Path]
    next_step: str


def ritual_command(paths: Paths, this_interpreter: bool = False) -> list[str]:
    """The absolute command that runs this ritual, with --home when this home is not the standard one."""
    found = None if this_interpreter else shutil.which("ritual")
    command = [str(Path(found).resolve())] if found else [sys.executable, "-m", "ritual"]
    if paths != Paths.for_user():
        command += ["--home", str(paths.config_dir.parent)]
    return command


def render(template: str, command: list[str]) -> str:
    """One unit file's text for this command."""
    arguments = "\n".join(f"    <string>{escape(part)}</string>" for part in command)
    return template.format(command=shlex.join(command), arguments=arguments)


def systemd_dir() -> Path:
    """The user's systemd unit folder."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def launchd_dir() -> Path:
    """The user's launchd agents folder."""
    return Path.home() / "Library" / "LaunchAgents"


def default_kind(kind: str | None) -> str:
    """The kind asked for, or this platform's own."""
    return kind or ("launchd" if sys.platform == "darwin" else "systemd")


def user_dir(kind: str) -> Path:
    """Where the user's units of `kind` live."""
    return launchd_dir() if kind == "launchd" else systemd_dir()


def install(kind: str, command: list[str], target: Path) -> Installed:
    """Write the units of `kind` ("systemd" or "launchd") into `target`."""
    templates = SYSTEMD_FILES if kind == "systemd" else LAUNCHD_FILES
    _make_folder(target)
    written = [_write_inside(target, name, render(template, command)) for name, template in templates.items()]
    if kind == "systemd":
        step = ("systemctl --user daemon-reload && systemctl --user enable --now ritual-remind.timer\n"
                "(or, for reminders to the minute: systemctl --user enable --now ritual-daemon.service)")
    else:
        step = f"launchctl load -w {shlex.quote(str(target / 'org.ritual.remind.plist'))}"
    return Installed(written, step)


def _make_folder(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise OutputPathError(f"--dir: {target} is a file, not a folder")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputPathError(f"--dir: {target} cannot be made ({exc.strerror})") from None


def _write_inside(folder: Path, name: str, text: str) -> Path:
    """Write one unit file in `folder` itself: never through a link to elsewhere, never over a special file."""
    path = folder / name
    if path.is_symlink():
        raise OutputPathError(f"{path}: is a link to {os.readlink(path)}; ritual writes only inside {folder} "
                              "(remove the link first)")
    if path.exists() and not path.is_file():
        raise OutputPathError(f"{path}: is not a regular file; ritual does not replace it")
    handle, temporary = tempfile.mkstemp(prefix=".ritual-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def uninstall(kind: str, target: Path) -> list[Path]:
    """Remove the units of `kind` from `target`; returns the files removed."""
    templates = SYSTEMD_FILES if kind == "systemd" else LAUNCHD_FILES
    removed = []
    for name in templates:
        path = target / name
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def deactivate(kind: str, target: Path) -> list[str]:
    """Stop and disable ritual's units in `target` before their files go; returns the commands run."""
    if kind == "systemd":
        present = [name for name in ("ritual-remind.timer", "ritual-daemon.service") if (target / name).exists()]
        commands = [["systemctl", "--user", "disable", "--now", *present]] if present else []
    else:
        agent = target / "org.ritual.remind.plist"
        commands = [["launchctl", "unload", "-w", str(agent)]] if agent.exists() else []
    ran = []
    for command in commands:
        if shutil.which(command[0]) is None:
            continue
        # Best effort: a unit never enabled, or no user session, is no reason to keep the files.
        subprocess.run(command, capture_output=True, check=False, timeout=60)
        ran.append(shlex.join(command))
    return ran
