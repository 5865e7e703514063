"""The benchmark's findings as text: tables side by side, then the targets.

The targets are ratios within one run, which hold better than absolute
figures on a machine shared with other work (docs/performance.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from .machine import MachineCost
from .runs import Growth, Measured

MB = 1024 * 1024
LABELS = {
    "bare": "bare Starlette, constant TwiML",
    "sqlite": "full webhook, SQLite",
    "redis": "full webhook, Redis",
}


@dataclass(frozen=True)
class Target:
    what: str
    wanted: str
    found: float
    met: bool


def intro(system: str, cores: int | None, load_average: float) -> str:
    return (
        "Pathfinder SMS webhook benchmark\n"
        f"machine: {system}, {cores} cores, load average {load_average:.2f} at "
        "the start (other work on the machine lowers every figure)\n"
        "one uvicorn worker (uvloop, httptools, no access log), 32 connections, "
        "4 s per run after 1 s of warm-up, best of interleaved rounds (CPU per "
        "request is steadier than req/s when other work shares the machine)\n"
    )


def findings(
    stack: dict[str, list[Measured]],
    machine_cost: MachineCost,
    scale: dict[tuple[str, int], list[Measured]],
    growth: Growth,
    load_average: float,
) -> str:
    best = {name: _best(rounds) for name, rounds in stack.items()}
    sizes = sorted({size for _, size in scale})
    scaled = {key: _best(rounds) for key, rounds in scale.items()}
    targets = _targets(best, scaled, sizes, growth)
    return "\n".join([
        _stack_table(best),
        "",
        _machine_line(machine_cost),
        "",
        _scale_table(scaled, sizes),
        "",
        _memory_line(growth),
        "",
        _targets_table(targets),
        "",
        f"Load average at the end: {load_average:.2f}.",
        *_notes(list(best.values()) + list(scaled.values())),
    ])


def _best(rounds: list[Measured]) -> Measured:
    return max(rounds, key=lambda measured: measured.result.per_second)


def _stack_table(best: dict[str, Measured]) -> str:
    bare = best["bare"].result
    lines = [
        "| endpoint | req/s | p50 ms | p99 ms | server CPU us/req "
        "| req/s vs bare | p99 vs bare |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, measured in best.items():
        result = measured.result
        lines.append(
            f"| {LABELS[name]} | {result.per_second:,.0f} | {result.p50_ms:.2f} "
            f"| {result.p99_ms:.2f} | {measured.cpu_us:.0f} "
            f"| {result.per_second / bare.per_second:.2f} "
            f"| {result.p99_ms / bare.p99_ms:.1f} |"
        )
    return "\n".join(lines)


def _machine_line(cost: MachineCost) -> str:
    times = cost.built_per_message_us / cost.shared_us
    return (
        f"One answer inside the state machine: {cost.shared_us:.1f} us with the "
        f"Machine built once; {cost.built_per_message_us:.0f} us with a Machine "
        f"built per message ({times:.0f} times as much)."
    )


def _scale_table(scaled: dict[tuple[str, int], Measured], sizes: list[int]) -> str:
    small, large = sizes
    lines = [
        f"| stored sessions | {small:,} | {large:,} | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    for kind in ("sqlite", "redis"):
        few, many = scaled[(kind, small)], scaled[(kind, large)]
        per_second = few.result.per_second, many.result.per_second
        lines.append(
            f"| {LABELS[kind]}, req/s | {per_second[0]:,.0f} | {per_second[1]:,.0f} "
            f"| {per_second[1] / per_second[0]:.2f} |"
        )
        lines.append(
            f"| {LABELS[kind]}, server CPU us/req | {few.cpu_us:.0f} "
            f"| {many.cpu_us:.0f} | {few.cpu_us / many.cpu_us:.2f} |"
        )
    return "\n".join(lines)


def _memory_line(growth: Growth) -> str:
    return (
        f"Server memory (SQLite): {growth.after_small / MB:.1f} MB after "
        f"{growth.small:,} conversations, {growth.after_large / MB:.1f} MB after "
        f"{growth.large:,}: {growth.grown / MB:+.1f} MB."
    )


def _targets(
    best: dict[str, Measured],
    scaled: dict[tuple[str, int], Measured],
    sizes: list[int],
    growth: Growth,
) -> list[Target]:
    bare = best["bare"].result
    sqlite, redis = best["sqlite"].result, best["redis"].result
    small, large = sizes
    sqlite_scale = (scaled[("sqlite", large)].result.per_second
                    / scaled[("sqlite", small)].result.per_second)
    redis_scale = (scaled[("redis", large)].result.per_second
                   / scaled[("redis", small)].result.per_second)
    return [
        _at_least("webhook on SQLite, req/s vs bare", 0.5,
                  sqlite.per_second / bare.per_second),
        _at_least("webhook on Redis, req/s vs bare", 0.4,
                  redis.per_second / bare.per_second),
        _at_most("webhook on SQLite, p99 vs bare", 2.0, sqlite.p99_ms / bare.p99_ms),
        _at_most("webhook on Redis, p99 vs bare", 2.0, redis.p99_ms / bare.p99_ms),
        _at_least("SQLite, 1,000,000 sessions vs 1,000", 0.9, sqlite_scale),
        _at_least("Redis, 1,000,000 sessions vs 1,000", 0.9, redis_scale),
        Target("memory growth, 100,000 conversations", "< 20 MB",
               growth.grown / MB, growth.grown < 20 * MB),
    ]


def _at_least(what: str, wanted: float, found: float) -> Target:
    return Target(what, f">= {wanted:g}", found, found >= wanted)


def _at_most(what: str, wanted: float, found: float) -> Target:
    return Target(what, f"<= {wanted:g}", found, found <= wanted)


def _targets_table(targets: list[Target]) -> str:
    lines = ["| target | wanted | this run | |", "| --- | --- | ---: | --- |"]
    for target in targets:
        verdict = "met" if target.met else "MISSED"
        lines.append(
            f"| {target.what} | {target.wanted} | {target.found:.2f} | {verdict} |"
        )
    return "\n".join(lines)


def _notes(measured: list[Measured]) -> list[str]:
    repeated = [m.name for m in measured if m.repeats and m.name != "bare"]
    if not repeated:
        return []
    return [
        "",
        f"Note: {', '.join(repeated)} ran out of new texts and sent some again; "
        "a repeat is answered from its record, so those figures are too high. "
        "Raise PARENTS_PER_RUN in bench/runs.py.",
    ]
