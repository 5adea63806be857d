"""Turn the medians into a plain-text table and a markdown table."""

from __future__ import annotations

import shlex
from collections.abc import Sequence

from registry import RATIO_BASES, Metric, Scenario

# scenario name -> implementation -> metric key -> median (None: no successful run)
Medians = dict[str, dict[str, dict[str, float | None]]]
# scenario name -> implementation -> why it was not run
Notes = dict[str, dict[str, str]]

LEGEND = (
    "Cells are medians. Ratios are kamaelia2 divided by the other column: above 1 is "
    "better for 'higher' metrics, below 1 is better for 'lower' ones."
)


def _cell(metric: Metric, value: float | None, note: str) -> str:
    if value is not None:
        return format(value, metric.fmt)
    return note or "failed"


def _ratio(ours: float | None, theirs: float | None) -> str:
    if ours is None or theirs is None or theirs == 0:
        return "n/a"
    ratio = ours / theirs
    return f"{ratio:,.0f}x" if ratio >= 100 else f"{ratio:.2f}x"


def _header(impls: Sequence[str]) -> list[str]:
    columns = ["scenario", "metric", "better", *impls]
    if "kamaelia2" in impls:
        columns += [f"k2/{base}" for base in RATIO_BASES if base in impls]
    return columns


def _why(scenario: Scenario, metric: Metric, impl: str, notes: dict[str, str]) -> str:
    """What an empty cell says: why the implementation did not run, or n/a."""
    if impl == "limit" and not notes.get(impl) and metric.key not in scenario.limit_results:
        return "n/a"  # the limit measures only some of a scenario's metrics
    return notes.get(impl, "")


def _rows(
    scenarios: Sequence[Scenario], impls: Sequence[str], medians: Medians, notes: Notes
) -> list[list[str]]:
    rows = []
    for scenario in scenarios:
        by_impl, why = medians[scenario.name], notes.get(scenario.name, {})
        for metric in scenario.metrics:
            values = {impl: by_impl[impl][metric.key] for impl in impls}
            row = [scenario.name, metric.label, "higher" if metric.higher_is_better else "lower"]
            row += [
                _cell(metric, values[impl], _why(scenario, metric, impl, why)) for impl in impls
            ]
            if "kamaelia2" in impls:
                row += [_ratio(values["kamaelia2"], values[b]) for b in RATIO_BASES if b in impls]
            rows.append(row)
    return rows


def render_text(
    scenarios: Sequence[Scenario],
    impls: Sequence[str],
    medians: Medians,
    notes: Notes,
    facts: dict[str, str],
) -> str:
    """An aligned plain-text table, preceded by the facts about the run."""
    table = [_header(impls), *_rows(scenarios, impls, medians, notes)]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    numeric = range(3, len(widths))
    lines = [f"{key}: {value}" for key, value in facts.items()]
    lines += ["", LEGEND, ""]
    for index, row in enumerate(table):
        cells = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _markdown_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_markdown(
    scenarios: Sequence[Scenario],
    impls: Sequence[str],
    medians: Medians,
    notes: Notes,
    facts: dict[str, str],
    quick: bool,
) -> str:
    """The same table as markdown, plus the facts and each implementation's arguments."""
    header = _header(impls)
    lines = [
        f"- {key}: `{value}`" if key == "command" else f"- {key}: {value}"
        for key, value in facts.items()
    ]
    lines += ["", LEGEND, "", _markdown_row(header)]
    lines.append(_markdown_row(["---"] * 3 + ["---:"] * (len(header) - 3)))
    lines += [_markdown_row(row) for row in _rows(scenarios, impls, medians, notes)]
    lines += ["", "Arguments of each scenario script:", ""]
    lines.append(_markdown_row(["scenario", *impls]))
    lines.append(_markdown_row(["---"] * (len(impls) + 1)))
    for scenario in scenarios:
        chosen = scenario.quick_args if quick else scenario.args
        cells = [f"`{shlex.join(chosen[i])}`" if i in chosen else "n/a" for i in impls]
        lines.append(_markdown_row([f"`{scenario.script}`", *cells]))
    return "\n".join(lines)
