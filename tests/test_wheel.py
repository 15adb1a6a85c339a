"""The wheel alone is enough: built, installed into a clean virtualenv, and run from outside
the source tree, it indexes its shipped corpus, answers, and passes its shipped eval gate."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


def run(args: list[str], **kw: object) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, capture_output=True, text=True, timeout=900, **kw)  # type: ignore[call-overload]
    assert proc.returncode == 0, f"{args}: {proc.stdout[-2000:]}{proc.stderr[-3000:]}"
    return proc


def test_the_installed_wheel_indexes_answers_and_evaluates_outside_the_source_tree(
    tmp_path: Path,
) -> None:
    dist = tmp_path / "dist"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    run([*pip_wheel, "-w", str(dist), str(REPO)])
    (wheel,) = dist.glob("coach-*.whl")

    # A clean virtualenv that borrows the dependencies through a .pth file, never the
    # source tree: nothing is downloaded and the editable install stays out of sight.
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(
        run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]
        ).stdout.strip()
    )
    (site / "shared-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", str(wheel)])

    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "PYTHON"))}
    env.update(
        COACH_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        HF_HUB_OFFLINE="1",
    )
    where = run([str(python), "-c", "import coach; print(coach.__file__)"], cwd=work, env=env)
    assert Path(where.stdout.strip()).is_relative_to(env_dir), where.stdout

    coach = str(env_dir / "bin" / "coach")
    indexed = run([coach, "index"], cwd=work, env=env)
    assert " 0 added" not in indexed.stdout and "added" in indexed.stdout, indexed.stdout
    asked = run(
        [coach, "ask", "Should I go for promotion?", "--offline", "--json"], cwd=work, env=env
    )
    answer = json.loads(asked.stdout)
    assert answer["answer"] and answer["sources"]
    report = tmp_path / "eval.json"
    evaluated = run([coach, "eval", "--json", str(report)], cwd=work, env=env)
    summary = json.loads(report.read_text())["summary"]
    assert summary["cases"] >= 40, summary
    assert "Regression" not in evaluated.stderr
