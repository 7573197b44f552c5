"""The file formats of a dataset beyond its own, and the escaping of every text planstats writes: CSV
cells that a spreadsheet would run as formulas (:func:`spreadsheet_safe`, written by :func:`write_csv`), text
for LaTeX and BibTeX (:func:`latex`, :func:`bibtex`), cells of a Markdown table (:func:`markdown_cell`), and
Stata files (:func:`write_stata`)."""

from __future__ import annotations

import functools
import html
import os
import re
from typing import IO

import pandas as pd

# a cell that a spreadsheet would run as a formula: =, @, a tab or a return first, or + or - before
# anything but a plain number (-3.1 and +5% stay numbers; -A1+1, +cmd|… would run); and a cell that opens
# with the apostrophe of this escaping, so that a name really written '=1+1.txt comes back as it was
_RISKY = r"[=@\t\r']|[+-](?![\d.]+%?$)"
_FORMULA = re.compile(_RISKY)
_ESCAPED = re.compile("'(?:" + _RISKY + ")", flags=re.S)


def _text_columns(df: pd.DataFrame) -> list[int]:
    """The positions of the columns that hold text (by position: two columns may have one name)."""
    dtypes = df.dtypes.tolist()
    return [i for i, d in enumerate(dtypes) if not pd.api.types.is_numeric_dtype(d) or pd.api.types.is_bool_dtype(d)]


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """The rows of a frame for a CSV file that a spreadsheet may open: a text cell that the
    spreadsheet would run as a formula is written after an apostrophe (``'=HYPERLINK(…)``), as
    spreadsheets show it, and so is a cell that starts with an apostrophe; :func:`planstats.load`
    takes the apostrophe off again, so every cell (and the span of ``raw``) comes back exactly.

    Parameters
    ----------
    df : pandas.DataFrame
        Any frame; its text columns (not numbers) are escaped.

    Returns
    -------
    pandas.DataFrame
        ``df`` itself when no cell needed it, else a copy with the escaped cells.

    Examples
    --------
    >>> spreadsheet_safe(pd.DataFrame({"raw": ["=1+1", "-3.1", "-A1", "增长6%", "'=x"]}))["raw"].tolist()
    ["'=1+1", '-3.1', "'-A1", '增长6%', "''=x"]
    """
    out = df
    for i in _text_columns(df):
        cells = df.iloc[:, i].astype("string")
        risky = cells.str.match(_FORMULA).fillna(False).astype(bool)
        if risky.any():
            out = out.copy() if out is df else out
            out.isetitem(i, cells.mask(risky, "'" + cells))
    return out


def _unescape(df: pd.DataFrame) -> pd.DataFrame:
    """Take off the apostrophe that :func:`spreadsheet_safe` put before a cell."""
    for i in _text_columns(df):
        cells = df.iloc[:, i].astype("string")
        escaped = cells.str.match(_ESCAPED).fillna(False).astype(bool)
        if escaped.any():
            df.isetitem(i, cells.mask(escaped, cells.str.slice(1)))
    return df


def write_csv(
    df: pd.DataFrame, target: str | os.PathLike | IO[str] | None = None, *, encoding: str = "utf-8"
) -> str | None:
    """The one CSV writer of planstats: every CSV it writes (datasets, tables, rejects, the command
    line's output) goes through here, its cells made safe for a spreadsheet (:func:`spreadsheet_safe`).

    Parameters
    ----------
    df : pandas.DataFrame
        The rows to write; the index is left out.
    target : str, os.PathLike, file object or None
        Where to write; ``None`` returns the text.
    encoding : str
        ``"utf-8"``, or ``"utf-8-sig"`` for a CSV that Excel opens as UTF-8.

    Returns
    -------
    str or None
        The CSV text when ``target`` is None.

    Examples
    --------
    >>> print(write_csv(pd.DataFrame({"region": ["=HYPERLINK(1)", "甲县"], "value": [1.5, -2.0]})), end="")
    region,value
    '=HYPERLINK(1),1.5
    甲县,-2.0
    """
    return spreadsheet_safe(df).to_csv(target, index=False, encoding=encoding, lineterminator="\n")


# ---------------------------------------------------------------------------------------
# text for LaTeX, BibTeX and Markdown

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
_LINES = re.compile(r"[\t\n]+")


@functools.lru_cache(maxsize=2)
def _latex_encoder(bibtex: bool):
    from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

    # BibTeX counts every brace, escaped or not: a lone { of a title would run on into the next entry
    braces = {ord("{"): r"\textbraceleft", ord("}"): r"\textbraceright"} if bibtex else {}
    return UnicodeToLatexEncoder(
        conversion_rules=[UnicodeToLatexConversionRule(RULE_DICT, braces), "defaults"],
        non_ascii_only=False,
        replacement_latex_protection="braces-after-macro",
        unknown_char_policy="keep",  # Chinese stays as it is: xeCJK or ctex typesets it
        unknown_char_warning=False,
    )


def latex(text: object, *, bibtex: bool = False) -> str:
    r"""``text`` as LaTeX that prints it as written and runs nothing: every special character
    (``& % $ # _ { } ~ ^ \``) and mark (≥, ≈, –, †, quotes) encoded by pylatexenc, control characters as
    spaces, Chinese kept (typeset with xeCJK or ctex).

    Parameters
    ----------
    text : object
        The text (anything else is made a string first).
    bibtex : bool
        For a BibTeX field: braces are written as ``\textbraceleft{}``, so that every brace BibTeX counts
        is balanced.

    Returns
    -------
    str
        The LaTeX.

    Examples
    --------
    >>> print(latex(r"GDP growth (%) R&D #1_x \input{/etc/passwd} ≥12"))
    GDP growth (\%) R\&D \#1\_x \textbackslash{}input\{/etc/passwd\} \ensuremath{\geq}12
    >>> print(latex("{x}", bibtex=True))
    \textbraceleft{}x\textbraceright{}
    """
    text = _LINES.sub(" ", _CONTROL.sub(" ", str(text)))
    return _latex_encoder(bibtex).unicode_to_latex(text)


def markdown_cell(text: object) -> str:
    r"""``text`` for a cell of a Markdown table: ``|`` escaped so that it cannot open a column, HTML
    (``<script>``) escaped so that it shows as text, line breaks as spaces.

    Parameters
    ----------
    text : object
        The text (anything else is made a string first).

    Returns
    -------
    str
        The text of the cell.

    Examples
    --------
    >>> print(markdown_cell("A|B <script>alert(1)</script>"))
    A\|B &lt;script&gt;alert(1)&lt;/script&gt;
    """
    return markdown_text(text).replace("|", r"\|")


def markdown_text(text: object) -> str:
    """``text`` for a line of Markdown outside a table: HTML escaped, line breaks as spaces.

    Parameters
    ----------
    text : object
        The text (anything else is made a string first).

    Returns
    -------
    str
        The text.

    Examples
    --------
    >>> print(markdown_text("<img src=x onerror=alert(1)>"))
    &lt;img src=x onerror=alert(1)&gt;
    """
    return html.escape(_LINES.sub(" ", _CONTROL.sub(" ", str(text))), quote=False)


_STATA_LABELS = {
    "region": "Region",
    "parent": "Parent region",
    "year": "Year (plan year, or year of a result)",
    "metric": "Metric id",
    "metric_label": "Metric",
    "kind": "Kind of target",
    "unit": "Unit",
    "value": "Target value (a range by range_as: its midpoint by default)",
    "low": "Lower bound (none for a ceiling)",
    "high": "Upper bound (none for a floor)",
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
    "region_id": "Stable id of the region across renames",
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
    "level": "Level of the region (province, prefecture, county, zone)",
    "value_std": "Value in the metric's canonical unit",
    "unit_std": "Canonical unit of the metric",
    "chosen_by": "Rule that chose this target over others",
    "others": "Targets of other values for the cell",
    "actual_conflict": "Reported results differ",
    "actual_others": "Reported results of other values",
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


def write_excel(frame: pd.DataFrame, path: str) -> None:
    """Write ``frame`` as an Excel workbook (.xlsx, with openpyxl): one sheet, every text cell as text,
    never as a formula (openpyxl takes a text that starts with ``=`` for one).

    Parameters
    ----------
    frame : pandas.DataFrame
        The rows; the index is left out.
    path : str
        The file to write.

    Returns
    -------
    None
    """
    try:
        import openpyxl  # noqa: F401
    except ImportError as err:
        from planstats.errors import ArgumentError

        raise ArgumentError("writing .xlsx needs openpyxl: pip install 'planstats[excel]'.") from err
    with open(path, "wb") as file, pd.ExcelWriter(file, engine="openpyxl") as writer:  # a file: any suffix
        frame.to_excel(writer, index=False, sheet_name="planstats")
        for row in writer.sheets["planstats"].iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
