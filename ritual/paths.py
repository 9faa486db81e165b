"""Every path ritual uses, in one place: platformdirs by default, one folder under --home/RITUAL_HOME."""

import os
from pathlib import Path
from typing import NamedTuple

APP_NAME = "ritual"
HOME_ENV = "RITUAL_HOME"


class Paths(NamedTuple):
    """Where config, data and state live for one ritual home."""

    config_dir: Path
    data_dir: Path
    state_dir: Path

    @property
    def config_file(self) -> Path:
        """The user's settings (TOML), layered over the shipped defaults."""
        return self.config_dir / "config.toml"

    @property
    def postal_file(self) -> Path:
        """The user's transit table overrides (TOML)."""
        return self.config_dir / "postal.toml"

    @property
    def database(self) -> Path:
        """The SQLite database holding friends, occasions and letters."""
        return self.data_dir / "ritual.db"

    @property
    def backups_dir(self) -> Path:
        """Copies of the database taken before migrations and by rolling backups."""
        return self.data_dir / "backups"

    @classmethod
    def under(cls, home: Path) -> "Paths":
        """All three folders inside one directory (tests, demos, portable installs)."""
        home = home.expanduser().absolute()
        return cls(home / "config", home / "data", home / "state")

    @classmethod
    def for_user(cls) -> "Paths":
        """The platform's standard folders for this user."""
        import platformdirs

        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> "Paths":
        """--home wins, then RITUAL_HOME, then the platform folders."""
        chosen = home or os.environ.get(HOME_ENV)
        return cls.under(Path(chosen)) if chosen else cls.for_user()


def make_private_dir(path: Path) -> Path:
    """Create a folder readable by the owner only (0700), parents included."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def shipped_config_dir() -> Path:
    """The shipped defaults: inside the installed wheel, or config/ beside the source tree."""
    package = Path(__file__).resolve().parent
    bundled = package / "_config"
    return bundled if bundled.is_dir() else package.parent / "config"


def shipped_icon() -> Path:
    """ritual's own icon (an envelope with a wax seal), shipped inside the package for desktop notifications."""
    return Path(__file__).resolve().parent / "_assets" / "ritual.png"
