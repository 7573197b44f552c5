"""Tables a paper can cite: a formatted view, Markdown, LaTeX, CSV and Stata exports, BibTeX.

The formatted view is a rendering: each cell reads as a researcher writes a target ("≥15",
"≈12", "8–10", "≤4"; "†" marks a conflict), while the numbers stay in the result it was
made from. With ``cite=True`` every number carries its source: a numbered note naming the
document, the character span and the raw text (Markdown, LaTeX), or source columns (CSV,
Stata). Labels are English by default (``data/regions.csv``, ``data/metrics.csv``);
``lang="zh"`` keeps the Chinese names.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from planstats import places
from planstats.citations import _info
from planstats.citations import cite as cite  # BibTeX of a table's documents: part of planstats.tables
from planstats.dataset import atomic_write
from planstats.formats import latex, markdown_cell, markdown_text, write_csv, write_excel, write_stata
from planstats.errors import ArgumentError
from planstats.taxonomy import load_taxonomy
from planstats.taxonomy import metrics as metric_table

FORMATS = {"markdown": ".md", "latex": ".tex", "csv": ".csv", "stata": ".dta", "excel": ".xlsx"}
LANGS = ("en", "zh")
_SYMBOLS = {"at_least": "≥", "at_most": "≤", "approx": "≈", "exact": "", "range": ""}
_PROVENANCE = ("doc", "raw", "start", "end", "doc_sha256")
_SUFFIXES = ("", "_from", "_to")


def _check(lang: str, fmt: str | None = None) -> None:
    if lang not in LANGS:
        raise ArgumentError(f"The value for `lang` must be one of {list(LANGS)}, but {lang!r} was passed.")
    if fmt is not None and fmt not in FORMATS:
        raise ArgumentError(f"The value for `format` must be one of {list(FORMATS)}, but {fmt!r} was passed.")


def number(value: float) -> str:
    """A number as a table shows it: thousands separated, no trailing zeros.

    Examples
    --------
    >>> number(1200.0), number(12.0), number(116.66667), number(0.4), number(float("nan"))
    ('1,200', '12', '116.67', '0.4', '')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    digits = 2 if abs(value) >= 1 else 4
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def cell(value: float, qualifier: str, low: float | None = None, high: float | None = None) -> str:
    """One target as written in a paper.

    Examples
    --------
    >>> cell(15, "at_least"), cell(12, "approx"), cell(9, "range", 8, 10), cell(4, "at_most"), cell(300, "exact")
    ('≥15', '≈12', '8–10', '≤4', '300')
    """
    if qualifier == "range" and low is not None and high is not None and not (math.isnan(low) or math.isnan(high)):
        return f"{number(low)}–{number(high)}"
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return _SYMBOLS.get(str(qualifier), "") + number(value)


# ---------------------------------------------------------------------------------------
# labels


def labels(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Display names ``(regions, metrics)`` in ``lang``: English from the data tables, or Chinese."""
    metrics = metric_table()
    if lang == "zh":
        return {}, dict(zip(metrics["id"], metrics["label_zh"], strict=False))
    return {alias: places.label(name, "en") for alias, name in places.aliases().items()}, dict(
        zip(metrics["id"], metrics["label_en"], strict=False)
    )


def metric_label(metric: str, lang: str = "en", *, kind: str | None = None, unit: str | None = None) -> str:
    """The display name of a metric; a metric set both as a level and as a rate says which.

    Examples
    --------
    >>> metric_label("gdp_growth", unit="%"), metric_label("foreign_investment", kind="growth", unit="%")
    ('GDP growth (%)', 'Foreign investment actually used, growth (%)')
    >>> metric_label("foreign_investment", "zh", kind="level", unit="亿美元")
    '实际利用外资 (亿美元)'
    """
    name = labels(lang)[1].get(metric, metric)
    kinds = _kinds().get(metric, ())
    if kind in ("growth", "pp_change") and len(kinds) > 1:
        name += {
            ("en", "growth"): ", growth",
            ("en", "pp_change"): ", change",
            ("zh", "growth"): "增长",
            ("zh", "pp_change"): "变化",
        }[lang, kind]
    return f"{name} ({unit})" if unit else name


def _kinds() -> dict[str, tuple[str, ...]]:
    return {m.id: m.kinds for m in load_taxonomy()}


def _relabel(labels, regions: dict[str, str], metrics: dict[str, str]):
    def one(x):
        return regions.get(x, metrics.get(x, x)) if isinstance(x, str) else x

    if isinstance(labels, pd.MultiIndex):
        return pd.MultiIndex.from_tuples([tuple(one(x) for x in t) for t in labels], names=labels.names)
    return pd.Index([one(x) for x in labels], name=labels.name)


# ---------------------------------------------------------------------------------------
# the formatted view


def _wide(result: pd.DataFrame, info: dict) -> tuple[pd.DataFrame, list[list[dict | None]]]:
    cells = info["cells"].lookup()
    text, sources = [], []
    for row in result.index:
        line, refs = [], []
        for col in result.columns:
            c = cells.get((row, col))
            value = result.at[row, col]
            if c is not None and not (isinstance(value, float) and math.isnan(value)) and c["value"] == value:
                line.append(cell(c["value"], c["qualifier"], c["low"], c["high"]) + ("†" if c["conflict"] else ""))
                refs.append(c)
            else:
                line.append(number(float(value)) if isinstance(value, (int, float, np.number)) else str(value))
                refs.append(None)
        text.append(line)
        sources.append(refs)
    return pd.DataFrame(text, index=result.index, columns=result.columns), sources


def _long(result: pd.DataFrame) -> pd.DataFrame:
    out = result.copy()
    for s in _SUFFIXES:
        value, qualifier = f"value{s}", f"qualifier{s}"
        if value not in out.columns or qualifier not in out.columns:
            continue
        low = out[f"low{s}"] if f"low{s}" in out.columns else out[value]
        high = (
            out[f"high{s}"] if f"high{s}" in out.columns else out.get("value_high", pd.Series(np.nan, index=out.index))
        )
        out[value] = [
            cell(v, q, lo, hi) for v, q, lo, hi in zip(out[value], out[qualifier].astype(str), low, high, strict=False)
        ]
        out = out.drop(columns=[c for c in (qualifier, f"low{s}", f"high{s}") if c in out.columns])
    out = out.drop(columns=[c for c in ("value_high",) if c in out.columns])
    for i in range(out.shape[1]):  # by position: a frame of pd.concat(axis=1) may name two columns alike
        series = out.iloc[:, i]
        if pd.api.types.is_bool_dtype(series.dtype):
            out.isetitem(i, series.map(lambda b: "" if b is pd.NA else ("yes" if b else "no")).astype(object))
        elif pd.api.types.is_float_dtype(series.dtype):
            out.isetitem(i, series.map(number).astype(object))
        else:
            out.isetitem(i, series.astype(object).where(series.notna(), "").astype(str))
    return out


def formatted(result: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """A rendering of a result in which each cell reads as a researcher writes it.

    Works on the tables of [planstats.compare][] and on long results (the dataset,
    [planstats.yoy][], [planstats.attainment][] …). The returned frame holds text;
    compute with the result itself.

    Parameters
    ----------
    result : pandas.DataFrame
        A result of planstats (``compare``, ``yoy``, the dataset …) or a frame of one's own (a pivot table).
    lang : {'en', 'zh'}
        Labels of regions and metrics in English (default) or Chinese.

    Returns
    -------
    pandas.DataFrame
        The same shape, each cell as text (≥20, ≈12, 8–10).

    Examples
    --------
    >>> import planstats as ps
    >>> t = ps.compare(ps.load(), "gdp_growth")
    >>> ps.formatted(t).loc["Xixian New Area"].tolist()
    ['', '≈12', '≥20', '']
    >>> ps.formatted(t, lang="zh").loc["XX新城", 2024]
    '8–10'
    """
    _check(lang)
    regions, metrics = labels(lang)
    info = _info(result)
    if info is not None:
        out = _wide(result, info)[0]
        out.index = _relabel(out.index, regions, metrics)
        out.columns = _relabel(out.columns, regions, metrics)
        return out
    out = _long(result)
    if not isinstance(out.index, pd.RangeIndex):  # a frame of the user's own (a pivot table): its labels too
        out.index = _relabel(out.index, regions, metrics)
    out.columns = _relabel(out.columns, regions, metrics)
    for col in ("region", "parent", "metric"):
        if col in out.columns:
            out[col] = out[col].map(lambda x: regions.get(x, metrics.get(x, x)))
    return out


# ---------------------------------------------------------------------------------------
# exports


def _source(c: dict) -> str:
    return f"{c['doc']}, chars {c['start']}–{c['end']}: “{c['raw']}”"


def _caption(info: dict | None, lang: str) -> str:
    if info is None or not info.get("units"):
        return ""
    kinds = info.get("kinds", {})
    parts = [metric_label(m, lang, kind=kinds.get(m), unit=u) for m, u in info["units"].items()]
    return "Targets: " + "; ".join(parts) if lang == "en" else "目标：" + "；".join(parts)


def _cited(result: pd.DataFrame, lang: str, cite: bool) -> tuple[pd.DataFrame, list[str]]:
    """The formatted view with note numbers on cited cells, and the notes."""
    info = _info(result)
    regions, metrics = labels(lang)
    if info is None:
        view = formatted(result, lang=lang)
        if cite:
            for s in _SUFFIXES:
                doc, raw = f"doc{s}", f"raw{s}"
                if doc in view.columns and raw in view.columns:
                    name = "source" + s
                    view[name] = [f"{d}: “{r}”" if d else "" for d, r in zip(view[doc], view[raw], strict=False)]
        drop = [
            c
            for c in view.columns
            if str(c).split("_")[0] in _PROVENANCE or str(c).startswith(("parent_doc", "parent_raw"))
        ]
        if not cite:
            drop += [c for c in view.columns if str(c).startswith("source") or c == "actual_source"]
        return view.drop(columns=drop), []
    view, refs = _wide(result, info)
    notes: list[str] = []
    if cite:
        for i, row in enumerate(refs):
            for j, c in enumerate(row):
                if c is not None:
                    notes.append(_source(c))
                    view.iat[i, j] = f"{view.iat[i, j]} [{len(notes)}]"
    view.index = _relabel(view.index, regions, metrics)
    view.columns = _relabel(view.columns, regions, metrics)
    return view, notes


#: What each mark of a rendered number means, in the order a legend lists them
_MARKS = (
    ("≥", "at least (以上, 不低于)"),
    ("≤", "at most (以内, 不超过)"),
    ("≈", "approximately (左右)"),
    ("–", "a range: from the first number to the second"),
    ("†", "the document states other values for this cell as well (see planstats.conflicts)"),
)
# a cell that holds a number as rendered: marks, a number or a range, a note's number
_NUMBER_CELL = re.compile(r"^(?:[≥≤≈]?-?[\d,.]+(?:–-?[\d,.]+)?%?†?(?: \[\d+\])?|nan|None|<NA>|)$")


def legend(text: str) -> list[str]:
    """The meaning of each mark that ``text`` (a rendered table) uses, one line each.

    Examples
    --------
    >>> legend("| ≈12 | ≥20† |")
    ['≥ at least (以上, 不低于)', '≈ approximately (左右)', '† the document states other values for this cell as well
    (see planstats.conflicts)']
    """
    return [f"{mark} {meaning}" for mark, meaning in _MARKS if mark in text]


def _numeric(view: pd.DataFrame) -> list[bool]:
    """Which columns of a rendered view hold numbers only (right-aligned)."""
    return [bool(view.iloc[:, i].astype(str).str.match(_NUMBER_CELL).all()) for i in range(view.shape[1])]


def _labels(labels: pd.Index, escape) -> pd.Index:
    """Row or column labels (and their names) escaped for a format."""
    name = lambda n: n if n is None else escape(n)  # noqa: E731
    if isinstance(labels, pd.MultiIndex):
        tuples = [tuple(escape(x) for x in t) for t in labels]
        return pd.MultiIndex.from_tuples(tuples, names=[name(n) for n in labels.names])
    return pd.Index([escape(x) for x in labels], name=name(labels.name), dtype=object)


def _text(view: pd.DataFrame) -> str:
    """Every cell of a rendered view, one a line."""
    return "\n".join(str(x) for x in view.to_numpy().ravel())


def _markdown(view: pd.DataFrame, notes: list[str], caption: str, reading: list[str] | None = None) -> str:
    index = not isinstance(view.index, pd.RangeIndex)
    align = ["left"] * index + ["right" if n else "left" for n in _numeric(view)]
    marks = legend(_text(view)) + (reading or [])
    cells = view.map(markdown_cell)
    cells.columns = _labels(view.columns, markdown_cell)
    if index:
        cells.index = _labels(view.index, markdown_cell)
    # no alignments for a table with no rows: tabulate 0.9.0 fails on them (an empty yoy, say)
    table = cells.to_markdown(tablefmt="pipe", index=index, colalign=align if len(cells) else None)
    lines = ([markdown_text(caption), ""] if caption else []) + [table]
    if marks:
        lines += ["", "; ".join(marks) + "."]
    if notes:
        lines += ["", "Sources:", ""] + [f"{i}. {markdown_text(n)}" for i, n in enumerate(notes, start=1)]
    return "\n".join(lines) + "\n"


_NOTE = re.compile(r"(.*) \[(\d+)\]", flags=re.S)


def _latex_cell(text: object) -> str:
    """A cell as LaTeX; the number of its note as a superscript."""
    note = _NOTE.fullmatch(str(text))
    return latex(note[1]) + rf"\textsuperscript{{{note[2]}}}" if note else latex(text)


def _latex(view: pd.DataFrame, notes: list[str], caption: str, reading: list[str] | None = None) -> str:
    marks = legend(_text(view)) + (reading or [])
    numeric = _numeric(view)
    body = view.map(_latex_cell)
    body.columns = _labels(view.columns, latex)
    index = not isinstance(view.index, pd.RangeIndex)
    if index:
        body.index = _labels(view.index, latex)
    styler = body.style  # every cell, label and the caption escaped above: the styler escapes nothing
    if not index:
        styler = styler.hide(axis="index")
    columns = "l" * (view.index.nlevels if index else 0) + "".join(
        "r" if n else "l" for n in numeric
    )  # numbers right-aligned
    text = styler.to_latex(
        hrules=True,
        caption=latex(caption) if caption else None,
        position_float="centering",
        environment="table",
        column_format=columns,
    )
    after = ["\\par\\footnotesize " + latex("; ".join(marks)) + "."] if marks else []
    if notes:
        listing = "\n".join(rf"\item[{i}] {latex(n)}" for i, n in enumerate(notes, start=1))
        after.append("\\par\\footnotesize Sources:\n\\begin{description}\n" + listing + "\n\\end{description}")
    return text.replace(r"\end{table}", "\n".join([*after, r"\end{table}"])) if after else text


def _tidy(result: pd.DataFrame, lang: str, cite: bool) -> pd.DataFrame:
    """A long, machine-readable frame: one row per number, with its source columns."""
    info = _info(result)
    regions, metrics = labels(lang)
    if info is not None:
        rows, lookup = [], info["cells"].lookup()
        row_name = result.index.name or "row"
        col_names = [n or f"column{i}" for i, n in enumerate(result.columns.names)]
        for row in result.index:
            for col in result.columns:
                c = lookup.get((row, col))
                if c is None or (isinstance(result.at[row, col], float) and math.isnan(result.at[row, col])):
                    continue
                keys = dict(zip(col_names, col if isinstance(col, tuple) else (col,), strict=False))
                rows.append(
                    {
                        row_name: row,
                        **keys,
                        **{
                            k: c[k]
                            for k in (
                                "metric",
                                "year",
                                "kind",
                                "unit",
                                "value",
                                "low",
                                "high",
                                "qualifier",
                                "hardness",
                                "is_range",
                                "conflict",
                                "doc",
                                "raw",
                                "start",
                                "end",
                            )
                        },
                    }
                )
        out = pd.DataFrame(rows)
    else:
        out = result.copy().reset_index(drop=isinstance(result.index, pd.RangeIndex))
    if not cite:
        out = out.drop(columns=[c for c in out.columns if str(c).split("_")[0] in _PROVENANCE])
    for col in ("region", "parent"):
        if col in out.columns and regions:
            out[col] = out[col].map(lambda x: regions.get(x, x))
    if "metric" in out.columns:
        out["metric_label"] = out["metric"].map(lambda x: metrics.get(x, x))
    return out


def table(result: pd.DataFrame, *, format: str = "markdown", cite: bool = True, lang: str = "en") -> str:
    """A result as a table for a paper: ``markdown``, ``latex`` (booktabs) or ``csv`` text.

    With ``cite=True`` each number carries a note naming its document and raw text
    (Markdown and LaTeX) or source columns (CSV). LaTeX with Chinese text needs xeCJK or ctex.

    Parameters
    ----------
    result : pandas.DataFrame
        A result of planstats, or a frame of one's own.
    format : {'markdown', 'latex', 'csv'}
        Markdown (pipe table), LaTeX (booktabs) or CSV (long).
    cite : bool
        Give the source of each number: notes, or source columns.
    lang : {'en', 'zh'}
        Labels of regions and metrics in English (default) or Chinese.

    Returns
    -------
    str
        The table; every caption, cell and note escaped for its format.

    Examples
    --------
    >>> import planstats as ps
    >>> print(ps.table(ps.compare(ps.load(), "gdp_growth", year=2022)))
    Targets: GDP growth (%)
    <BLANKLINE>
    | region          |    2022 |
    |:----------------|--------:|
    | Xixian New Area | ≈12 [1] |
    <BLANKLINE>
    ≈ approximately (左右); values: a range counts by its midpoint (range_as='mid'), ≈ by the number stated.
    <BLANKLINE>
    Sources:
    <BLANKLINE>
    1. 000_3e3dedbcbccbc1ab.txt, chars 431–441: “GDP增长12%左右”
    <BLANKLINE>
    """
    _check(lang, format)
    if format in ("stata", "excel"):
        raise ArgumentError(f"{format} files are binary: use planstats.export(result, 'table{FORMATS[format]}').")
    if format == "csv":
        return write_csv(_tidy(result, lang, cite)) or ""
    view, notes = _cited(result, lang, cite)
    caption = _caption(_info(result), lang)
    reading = _reading(result, _text(view))
    levels = _mixed_levels(_info(result))
    if levels:  # regions of several levels side by side: each name with its level
        view.index = pd.Index([f"{r} ({levels[r]})" if r in levels else r for r in view.index], name=view.index.name)
    if format == "markdown":
        return _markdown(view, notes, caption, reading)
    return _latex(view, notes, caption, reading)


#: How a value of a target is read, by ``range_as``, as a legend says it
READINGS = {
    "mid": "a range counts by its midpoint",
    "low": "a range counts by its lower end",
    "high": "a range counts by its upper end",
}


def _reading(result: pd.DataFrame, text: str) -> list[str]:
    """The lines of a legend that state the choices behind the values of a result of planstats: how a range counts
    (``range_as``) and a floor, a ceiling or an approximate target that ``text`` (the rendered table) shows, and the
    levels of its regions when they mix."""
    info = _info(result)
    range_as = info.get("range_as") if info is not None else result.attrs.get("range_as")
    lines = []
    if range_as in READINGS:
        marks = [m for m in "≥≤≈" if m in text]
        stated = f", {', '.join(marks)} by the number stated" if marks else ""
        lines.append(f"values: {READINGS[range_as]} (range_as={range_as!r}){stated}")
    converted = _held(info, "converted", ())
    if converted:
        lines.append(
            f"converted to the column's unit (data/units.csv): {'; '.join(converted[:10])}"
            + (f" and {len(converted) - 10} more" if len(converted) > 10 else "")
        )
    left = _held(info, "left_out", ())
    if left:
        lines.append(
            f"left out, as their kind or unit does not convert to the column's: {'; '.join(left[:10])}"
            + (f" and {len(left) - 10} more" if len(left) > 10 else "")
        )
    levels = _mixed_levels(info)
    if levels:
        lines.append(f"regions of several levels ({', '.join(sorted(set(levels.values()), key=places.LEVELS.index))})")
    return lines


def _held(info: dict | None, key: str, default):
    """What the attrs of a table hold under ``key`` (a value that derived frames share: ``Shared``)."""
    found = (info or {}).get(key, default)
    return getattr(found, "value", found)


def _mixed_levels(info: dict | None) -> dict[str, str]:
    """Each region's level (province, prefecture, county, zone: :data:`planstats.places.LEVELS`), when the regions of
    a table are of more than one; else nothing."""
    found = {str(r): str(v) for r, v in _held(info, "levels", {}).items() if isinstance(v, str)}
    regions, _ = labels("en")
    found |= {regions[r]: v for r, v in found.items() if r in regions}  # the English names of a view in English
    return found if len(set(found.values())) > 1 else {}


def export(
    result: pd.DataFrame,
    path: str | os.PathLike,
    *,
    format: str | None = None,
    cite: bool = True,
    lang: str = "en",
    encoding: str = "utf-8",
) -> Path:
    """Write a result to ``path`` as Markdown (.md), LaTeX (.tex), CSV (.csv), Stata (.dta) or Excel (.xlsx).

    Written atomically. CSV, Stata and Excel are long: one row per number, with its source. Stata files
    get variable labels, and value labels for the qualifier, kind and hardness. A CSV cell that a
    spreadsheet would run as a formula is written after an apostrophe; an Excel cell is always text.

    Parameters
    ----------
    result : pandas.DataFrame
        A result of planstats ([planstats.compare][], [planstats.yoy][] …) or any frame.
    path : str or os.PathLike
        The file to write; its suffix gives the format unless ``format`` is given.
    format : {"markdown", "latex", "csv", "stata", "excel"}, optional
        The format, whatever the suffix.
    cite : bool
        Give the source of each number: notes (Markdown, LaTeX) or source columns.
    lang : {"en", "zh"}
        Labels of regions and metrics in English or Chinese.
    encoding : {"utf-8", "utf-8-sig"}
        Of a text file; ``"utf-8-sig"`` writes the mark by which Excel opens a CSV as UTF-8.

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import planstats as ps, tempfile, pathlib
    >>> out = ps.export(ps.yoy(ps.load(), "gdp_growth"), pathlib.Path(tempfile.mkdtemp()) / "yoy.dta")
    >>> pd.read_stata(out)[["region", "year_from", "year_to", "change"]].values.tolist()
    [['Xixian New Area', 2022, 2023, 8.0]]
    >>> out = ps.export(ps.yoy(ps.load(), "gdp_growth"), out.with_suffix(".csv"), encoding="utf-8-sig")
    >>> out.read_bytes()[:3] == "\ufeff".encode("utf-8")
    True
    """
    path = Path(path)
    fmt = format or next((f for f, suffix in FORMATS.items() if path.suffix.lower() == suffix), None)
    if fmt is None:
        raise ArgumentError(
            f"{path}: cannot tell the format from the suffix {path.suffix!r}; use one of {list(FORMATS.values())} or "
            "format=."
        )
    _check(lang, fmt)
    if encoding not in ("utf-8", "utf-8-sig"):
        raise ArgumentError(
            f"The value for `encoding` must be 'utf-8' or 'utf-8-sig' (for Excel), but {encoding!r} was passed."
        )
    if fmt in ("stata", "excel"):
        frame = _tidy(result, lang, cite)
        atomic_write(path, lambda tmp: (write_stata if fmt == "stata" else write_excel)(frame, tmp))
    else:
        text = table(result, format=fmt, cite=cite, lang=lang)
        atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding=encoding))
    return path
