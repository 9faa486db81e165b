"""The built wheel carries the shipped defaults and runs outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(args: list, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, (args, done.stdout[-2000:], done.stderr[-2000:])
    return done


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_plans_a_week(tmp_path):
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)], cwd=tmp_path)
    (wheel,) = dist.glob("ritual_letters-*.whl")
    assert "ritual/_assets/ritual.png" in zipfile.ZipFile(wheel).namelist(), "the notification icon ships"
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    # The dependencies come from this suite's own environment (read after the fresh venv's own packages), so the
    # test proves the wheel and its shipped files, not the registry's speed; the wheel itself goes in with pip.
    fresh_site = next((venv / "lib").glob("python3*/site-packages"))
    (fresh_site / "suite_dependencies.pth").write_text("\n".join(p for p in sys.path if p.endswith("site-packages")))
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python")]
    run([*pip, "install", "--quiet", "--no-deps", str(wheel)], cwd=tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("RITUAL_HOME", "PYTHONPATH")}
    env["RITUAL_TODAY"] = "2026-11-25"
    ritual = str(venv / "bin" / "ritual")
    home = tmp_path / "home"
    located = run([ritual, "--home", str(home), "locate"], cwd=tmp_path, env=env).stdout
    defaults = Path(located.split("defaults")[1].strip())
    assert defaults.is_dir() and str(defaults).startswith(str(venv)), defaults
    assert (defaults / "settings.toml").is_file() and (defaults / "postal.toml").is_file()
    assert (defaults / "backup.schema.json").is_file(), "the backup's JSON Schema is published with the wheel"
    run([ritual, "--home", str(home), "demo", "--friends", "40"], cwd=tmp_path, env=env)
    week = run([ritual, "--home", str(home), "week"], cwd=tmp_path, env=env).stdout
    assert week.startswith("Week 48 · Mon 23 Nov – Sun 29 Nov 2026")
