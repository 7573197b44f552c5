"""The file formats of a dataset beyond its own: CSV cells that a spreadsheet would run as formulas
(:func:`spreadsheet_safe`), and Stata files (:func:`write_stata`)."""

from __future__ import annotations

import re

import pandas as pd

# a cell that a spreadsheet would run as a formula: =, @, a tab or a return first, or + or - before
# anything but a plain number (-3.1 and +5% stay numbers; -A1+1, +cmd|… would run)
_FORMULA = re.compile(r"[=@\t\r]|[+-](?![\d.]+%?$)")


_ESCAPED = re.compile(r"'(?:[=@\t\r]|[+-](?![\d.]+%?$))")


_TEXT_COLUMNS = ("doc", "region", "metric_text", "qualifier_text", "verb", "raw", "unit")


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """The rows of a dataset for a CSV file that a spreadsheet may open: a text cell that the
    spreadsheet would run as a formula is written after an apostrophe (``'=HYPERLINK(…)``), as
    spreadsheets show it; :func:`planstats.load` takes the apostrophe off again, so the span of ``raw`` stays
    exact. Parquet and JSONL are written as they are.

    Examples
    --------
    >>> spreadsheet_safe(pd.DataFrame({"raw": ["=1+1", "-3.1", "-A1", "增长6%"]}))["raw"].tolist()
    ["'=1+1", '-3.1', "'-A1", '增长6%']
    """
    out = df
    for column in _TEXT_COLUMNS:
        if column in df.columns:
            cells = df[column].astype("string")
            risky = cells.str.match(_FORMULA).fillna(False).astype(bool)
            if risky.any():
                out = out.copy() if out is df else out
                out[column] = cells.mask(risky, "'" + cells)
    return out


def _unescape(df: pd.DataFrame) -> pd.DataFrame:
    """Take off the apostrophe that :func:`spreadsheet_safe` put before a cell."""
    for column in _TEXT_COLUMNS:
        if column in df.columns:
            cells = df[column].astype("string")
            escaped = cells.str.match(_ESCAPED).fillna(False).astype(bool)
            if escaped.any():
                df[column] = cells.mask(escaped, cells.str.slice(1))
    return df


_STATA_LABELS = {
    "region": "Region",
    "parent": "Parent region",
    "year": "Year (plan year, or year of a result)",
    "metric": "Metric id",
    "metric_label": "Metric",
    "kind": "Kind of target",
    "unit": "Unit",
    "value": "Target value (midpoint of a range)",
    "low": "Lower end",
    "high": "Upper end",
    "qualifier": "Qualifier",
    "hardness": "Hard or soft target",
    "is_range": "Target is a range",
    "conflict": "Document states other values too",
    "doc": "Source document",
    "raw": "Source text",
    "span_start": "Start of source span (characters)",
    "span_end": "End of source span (characters)",
    "actual": "Realized value",
    "gap": "Actual minus target",
    "met": "Target met",
    "change": "Change between plan years",
    "change_pct": "Change in percent",
    "change_unit": "Unit of change",
    "year_from": "Earlier plan year",
    "year_to": "Later plan year",
    "years_apart": "Years between the plans",
    "n_targets": "Targets found for the cell",
    "region_code": "Division code of the region in the plan year",
    "province": "Province",
    "prefecture": "Prefecture",
    "region_match": "How the region code was found",
    "record": "Target, result, horizon or stretch",
    "section": "Headline or body",
    "metric_text": "Indicator as written",
    "value_high": "Upper end of a range",
    "qualifier_text": "Qualifying words as written",
    "verb": "Verb as written",
    "doc_sha256": "SHA-256 of the document",
    "average_from": "First year of a yearly average",
}


_STATA_NAMES = {"start": "span_start", "end": "span_end", "start_from": "span_start_from", "start_to": "span_start_to"}


def write_stata(frame: pd.DataFrame, path: str) -> None:
    """Write ``frame`` as a Stata 14+ file (UTF-8): variable labels, categoricals as value labels,
    missing integers as missing numbers, text longer than Stata's 2,045 bytes as strL."""
    out = frame.rename(columns=lambda c: _STATA_NAMES.get(c, c) if isinstance(c, str) else c)
    out.columns = [str(c)[:32] for c in out.columns]
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            out[col] = s.cat.rename_categories(str).astype(pd.CategoricalDtype([str(c) for c in s.cat.categories]))
        elif pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_integer_dtype(s.dtype):
            out[col] = s.astype("float64") if s.isna().any() else s.astype("int64")
        elif not pd.api.types.is_float_dtype(s.dtype):
            out[col] = s.astype(object).where(s.notna(), "").astype(str)
    for col in ("qualifier", "kind", "hardness"):
        if col in out.columns and not isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = out[col].astype("category")
    variable_labels = {c: _STATA_LABELS.get(c, c)[:80] for c in out.columns}
    text = [
        c
        for c in out.columns
        if not isinstance(out[c].dtype, pd.CategoricalDtype) and pd.api.types.is_string_dtype(out[c].dtype)
    ]
    long = [c for c in text if out[c].map(lambda v: len(str(v).encode("utf-8"))).gt(2045).any()]
    from planstats import __version__
    from planstats.dataset import rules_fingerprint  # the dataset module writes with this one: imported when called

    label = f"planstats {__version__}, rules {rules_fingerprint()}"  # what wrote it, as in a Parquet file's metadata
    out.to_stata(
        path, write_index=False, version=118, variable_labels=variable_labels, convert_strl=long, data_label=label
    )
