"""connact's benchmark suite: whole-process timings as medians, and ratios measured in the same run.

    python benchmarks/run.py            # 5 runs of each command (about 5 minutes)
    python benchmarks/run.py --runs 3 --sizes 100,1000

Needs the test extras installed (pip install '.[test]'). Timings never go into tests; CI does not
run this. Each command runs as its own process; peak memory is that process's maximum resident size.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "malta-ngo-employment.answers.yaml"
PY = sys.executable


@dataclass
class Timing:
    name: str
    seconds: list[float]
    peak_mib: float

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def measure(name: str, argv: list[str], runs: int, env: dict | None = None, before=None) -> Timing:
    """Run `argv` `runs` times; `before` runs untimed before each (e.g. to empty a cache)."""
    seconds, peak = [], 0.0
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{name} failed: {process.stderr.read().decode()[-500:]}")
        peak = max(peak, usage.ru_maxrss / 1024)
    print(f"  measured {name}: median {statistics.median(seconds):.3f} s", file=sys.stderr)
    return Timing(name, seconds, peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="100,1000,10000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    connact = [PY, "-m", "connact_cli"]
    work = Path(tempfile.mkdtemp(prefix="connact-bench-"))
    cache = work / "cache"
    env = {**os.environ, "CONNACT_CACHE_DIR": str(cache), "CONNACT_DATA_DIR": str(work / "data")}

    def clear_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    runs = args.runs
    rows: list[tuple[str, Timing, str, float | None, str]] = []
    python = measure("python -c pass", [PY, "-c", "pass"], runs, env)
    typer_help = measure("minimal typer app --help", [PY, str(HERE / "minimal_app.py"), "--help"], runs, env)
    rows.append(("python -c pass", python, "", None, ""))
    rows.append(("minimal typer app --help", typer_help, "reference", 1.0, ""))
    for name, argv, target in (
        ("connact --help", [*connact, "--help"], 1.3),
        ("connact --version", [*connact, "--version"], None),
        ("connact plan --help", [*connact, "plan", "--help"], None),
    ):
        timing = measure(name, argv, runs, env)
        rows.append((name, timing, "typer --help", timing.median / typer_help.median, f"≤ {target}" if target else ""))
    plan_argv = [*connact, "plan", "--answers", str(EXAMPLE), "--no-input", "-o", str(work / "plan.md"), "--force"]
    measure("warm-up", plan_argv, 1, env)
    bundled = measure("connact plan (bundled library)", plan_argv, runs, env)
    rows.append(("connact plan, bundled library", bundled, "typer --help", bundled.median / typer_help.median, "≤ 2"))

    per_size: dict[int, dict[str, Timing]] = {}
    for size in sizes:
        library = work / f"library-{size}"
        subprocess.run([PY, str(HERE / "make_library.py"), str(size), str(library)], check=True, env=env)
        floor = measure(f"parse floor {size}", [PY, str(HERE / "floor.py"), str(library)], runs, env)
        validate = [*connact, "validate", str(library)]
        big_plan = [*plan_argv, "--library", str(library)]
        cold_validate = measure(f"validate {size} cold", validate, runs, env, before=clear_cache)
        warm_validate = measure(f"validate {size} warm", validate, runs, env)
        cold_plan = measure(f"plan {size} cold", big_plan, runs, env, before=clear_cache)
        warm_plan = measure(f"plan {size} warm", big_plan, runs, env)
        per_size[size] = {
            "floor": floor,
            "cold_plan": cold_plan,
            "warm_plan": warm_plan,
            "cold_validate": cold_validate,
        }
        label = f"{size:,} practices"
        rows.append((f"parse floor, {label} (CSafeLoader)", floor, "floor", 1.0, ""))
        rows.append(
            (
                f"validate, {label}, cold",
                cold_validate,
                "floor",
                cold_validate.median / floor.median,
                "≤ 1.5" if size == 10_000 else "",
            )
        )
        rows.append(
            (
                f"validate, {label}, warm",
                warm_validate,
                "floor",
                warm_validate.median / floor.median,
                "≤ 0.3" if size == 10_000 else "",
            )
        )
        rows.append(
            (
                f"plan, {label}, cold",
                cold_plan,
                "floor",
                cold_plan.median / floor.median,
                "≤ 1.5" if size == 10_000 else "",
            )
        )
        rows.append(
            (
                f"plan, {label}, warm",
                warm_plan,
                "floor",
                warm_plan.median / floor.median,
                "≤ 1 s" if size == 10_000 else "",
            )
        )
    shutil.rmtree(work, ignore_errors=True)

    print(
        f"\nconnact benchmarks · {platform.machine()} · {os.cpu_count()} cores · Python "
        f"{platform.python_version()} · median of {runs} runs per command\n"
    )
    print("| command | median s | min s | max s | peak MiB | ratio | to | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for name, timing, against, ratio, target in rows:
        ratio_text = f"{ratio:.2f}" if ratio is not None else ""
        print(
            f"| {name} | {timing.median:.3f} | {min(timing.seconds):.3f} | {max(timing.seconds):.3f} | "
            f"{timing.peak_mib:.0f} | {ratio_text} | {against} | {target} |"
        )
    if 1_000 in per_size and 10_000 in per_size:
        for key in ("floor", "cold_plan", "warm_plan", "cold_validate"):
            growth = per_size[10_000][key].median / per_size[1_000][key].median
            print(
                f"\ngrowth 1,000 -> 10,000 practices, {key.replace('_', ' ')}: × {growth:.1f} (linear would be × 10)",
                end="",
            )
        print()
    print(
        f"\npeak memory: bundled plan {bundled.peak_mib:.0f} MiB = {bundled.peak_mib / typer_help.peak_mib:.2f} × "
        f"the typer app (target ≤ 2)",
        end="",
    )
    if 10_000 in per_size:
        largest = per_size[10_000]
        peak = max(largest["cold_plan"].peak_mib, largest["warm_plan"].peak_mib)
        print(f"; 10,000-practice plan {peak:.0f} MiB (target ≤ 250)")
    print()


if __name__ == "__main__":
    main()
