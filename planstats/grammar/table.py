"""Tables of targets: rows of cells under a header that names indicators, units and years."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from planstats.grammar.patterns import (
    _EMPTY_CELL,
    _HAN,
    _HEADER_YEAR,
    _MINUS,
    _MULTI_YEAR,
    _NAME_UNIT,
    _RATE_FAMILIES,
    _TABLE,
)
from planstats.grammar.state import Reading
from planstats.grammar.timeline import Record
from planstats.grammar.values import _Value
from planstats.grammar.words import _strip_front, _value_regex
from planstats.numbers import plan_period_start
from planstats.read.headers import header_words


def _under(upper: list[tuple[int, str]], lower: list[tuple[int, str]], first_value: int) -> list[tuple[int, str]]:
    """The cells of a header of two rows (``2024年目标 |`` over ``绝对值 | 增长%``): each cell of
    the lower row under the upper cell above it, or under the last one before it where the
    upper row is empty (a cell across two columns). A cell across both rows is empty in the
    lower row or, as a .docx table gives it, written in both. ``[]`` unless the lower row has
    words only under the columns of values: a row of a table has its name before them."""

    def text(row: list[tuple[int, str]], j: int) -> str:
        return row[j][1].strip() if j < len(row) else ""

    if any(text(lower, j) not in ("", text(upper, j)) for j in range(first_value)) or not any(
        c.strip() for _, c in lower[first_value:]
    ):
        return []
    cells, above = [], ""
    for j in range(max(len(upper), len(lower))):
        up, down = text(upper, j), text(lower, j)
        above = up or (above if j > first_value else "")
        cells.append(((upper if j < len(upper) else lower)[j][0], up if down == up else above + down))
    return cells


class Tables(Reading):
    """Tables of targets: their header, the record of each column, and the targets of each row."""

    # -- tables of targets ------------------------------------------------------------------
    def _tables(self) -> list[tuple[int, int]]:
        """The targets of the tables of targets (see ``_TABLE``), and the spans of the rows
        read: the grammar of sentences leaves their numbers alone."""
        read: list[tuple[int, int]] = []
        for block in _TABLE.finditer(self.text):
            columns, pos, upper = None, block.start(), None
            before = self.text[self.text.rfind("\n", 0, max(pos - 1, 0)) + 1 : pos]  # the line before the table
            for line in block.group().split("\n"):
                cells, at = [], pos
                for cell in line.split("\t"):
                    cells.append((at, cell))
                    at += len(cell) + 1
                # a second row of the header, read under the first: 2024年 | | over 绝对值 | 增长%, or
                # 2023年 | 2023年 over 完成 | 增长% (a header in its own right, but of no year)
                lower: list[tuple[int, str]] | None = (
                    _under(upper, cells, min(j for j, _, _ in columns[3])) if upper and columns else None
                )
                header = (lower and self._columns(lower)) or self._columns(cells)
                if header:
                    # a table of indicators (a column named 指标) with a column of this year's targets is the list
                    # of main targets, as one under a marker of them is (2024年经济社会发展主要预期目标)
                    indicators = header[2] is not None and any(record == ("target", None) for _, record, _ in header[3])
                    columns, section = (
                        header,
                        "headline" if indicators or self.w.headline_word.search(before + line) else "body",
                    )
                elif columns and self._table_row(cells, columns, section):
                    read.append((pos, pos + len(line)))
                upper = cells if header else None
                pos += len(line) + 1
        return read

    def _columns(
        self, cells: list[tuple[int, str]]
    ) -> (
        tuple[int | None, int | None, int | None, list[tuple[int, tuple[str, int | None], tuple[str, str] | None]]]
        | None
    ):
        """The columns that a header row names: ``(unit, nature, name, [(column, record, rate), …])``,
        or ``None`` if the row is no header (its value cells hold numbers). ``rate`` is, for a
        column of rates of change (增长（%）, 增速, 比上年±%; lexicon role ``table_rate``), its
        verb and unit (``("增长", "%")``), and ``None`` for a column of amounts; such a column with
        no year is of the record of the column before it (2024年计划 | 增长%)."""
        unit: int | None = None
        nature: int | None = None
        name: int | None = None
        values: list[tuple[int, tuple[str, int | None], tuple[str, str] | None]] = []
        header = header_words()
        for j, (_, cell) in enumerate(cells):
            text = "".join(cell.split())
            kind = header.kind(text)
            if kind == "unit":
                unit = j
            elif kind == "nature":
                nature = j
            elif kind == "name":
                name = j
            elif j and (_value_regex().fullmatch(text) or text in self.q["modal"]):
                return None  # a row of values: 6.5, 约束性
            elif j and text.startswith(self.w.multi_year):  # 年均增长: a rate over the years of the plan
                values.append((j, ("multi_year", None), self._rate_column(text) or ("", "%")))
            elif j:
                years = _HEADER_YEAR.findall(text)
                year = int(years[-1]) if years else None
                target, result = (
                    any(w in text for w in header.target),
                    any(w in text for w in header.result),
                )
                rate = self._rate_column(text)
                record = self._column_record(year, target, result)
                if rate and year is None and values and values[-1][0] == j - 1 and values[-1][1][0] != "multi_year":
                    record = values[-1][1]
                if record:
                    values.append((j, record, rate))
        return (unit, nature, name, values) if any(record != "multi_year" for _, (record, _), _ in values) else None

    def _rate_column(self, header: str) -> tuple[str, str] | None:
        """The verb and the unit of a column of rates of change (增长（%）→ ``("增长", "%")``,
        比上年增减（百分点）→ ``("", "百分点")``), or ``None``."""
        if not self.w.table_rate.search(header):
            return None
        verb = next((w for w in self.w.growth_longest if w in header), "")
        unit = next(
            (u for u, of in self.w.units.items() if of.family in _RATE_FAMILIES and not of.before and u in header), "%"
        )
        return verb, unit

    def _column_record(self, year: int | None, target: bool, result: bool) -> tuple[str, int | None] | None:
        """The record of the values of a column (its ``year``, and whether its header has a word of
        targets or of results), by the first of :data:`COLUMN_RULES` whose case it is."""
        column = _Column(year, self.plan_year, target, result)
        return next(gives(column) for _, case, gives in COLUMN_RULES if case(column))

    def _table_row(self, cells: list[tuple[int, str]], columns, section: str) -> bool:
        """Emit the targets of one row of a table; whether it named an indicator."""
        named = self._row_name(cells, columns)
        if named is None:
            return False
        start, name, unit_text, nature = named
        head, phrase = self._strip(name)
        value_cols = columns[3]
        emitted = False
        for j, record, rate in value_cols:
            if j >= len(cells) or cells[j][1].strip() in _EMPTY_CELL:
                continue
            cell_start, cell = cells[j]
            read = self._cell_value(cell)
            if read is None:
                continue
            parsed, pre, said, minus = read
            average = None
            if record[0] == "multi_year":  # a yearly average up to the last year of the table's columns of later years,
                # when that year ends a five-year plan (2025, 2030), over that plan's years
                last = max((year for _, (kind, year), _ in value_cols if kind == "horizon" and year), default=None)
                average = plan_period_start(last) if last is not None else None
                if average is None:
                    self._reject(
                        cell_start + len(cell) - len(cell.lstrip()), cell_start + len(cell.rstrip()), _MULTI_YEAR
                    )
                    emitted = True  # the row is read: its numbers are no sentence's
                    continue
                record = ("horizon", last)
            _, _, lo, hi, mid, mult, unit, post, *_ = parsed
            unit, mult = self._row_unit(unit, mult, rate, unit_text)
            if not unit:
                continue
            end = cell_start + len(cell.rstrip())
            value = _Value(cell_start + len(cell) - len(cell.lstrip()), end, lo, hi, mid, mult, unit, post)
            modal = phrase.modal or (nature if nature in self.q["modal"] else "")  # 约束性: a binding target
            row = phrase._replace(
                minus=phrase.minus != minus,
                rate=bool(rate),
                pre=pre or phrase.pre,
                modal=modal,
                section=section,
                average=average,
            )
            self._emit(-1, value, start, end, head, said or (rate[0] if rate else phrase.verb), row, Record(*record))
            emitted = True
        return emitted

    def _row_name(self, cells: list[tuple[int, str]], columns) -> tuple[int, str, str, str] | None:
        """Where the name of a row's indicator starts, the name, the unit the row states (its column
        of units, or the name's brackets: 地区生产总值增速（%）) and its nature (约束性); ``None`` when the
        row names no indicator before its values."""
        unit_col, nature_col, name_col, value_cols = columns
        first_value = min(j for j, _, _ in value_cols)
        if name_col is not None:  # the column the header names (指标): not a column of groups of rows (类别)
            name_at = name_col if name_col < len(cells) and _HAN.search(cells[name_col][1]) else None
        else:  # the words nearest the values: a group (经济发展) or a number may stand before them
            name_at = next(
                (
                    j
                    for j in range(min(first_value, len(cells)) - 1, -1, -1)
                    if j not in (unit_col, nature_col) and _HAN.search(cells[j][1])
                ),
                None,
            )
        if name_at is None or name_at >= first_value:
            return None
        start, name = cells[name_at]
        in_name = _NAME_UNIT.search(name)
        unit_text = cells[unit_col][1].strip() if unit_col is not None and unit_col < len(cells) else ""
        unit_text = unit_text or (in_name.group(1) if in_name else "")
        name = name[: in_name.start()] if in_name else name
        nature = cells[nature_col][1].strip() if nature_col is not None and nature_col < len(cells) else ""
        return start, name, unit_text, nature

    def _cell_value(self, cell: str) -> tuple[_Value, str, str, bool] | None:
        """The value of a cell of a table, the qualifier word and the verb before it (增长6%左右,
        控制在5.5%以内, 增长不低于6%) and whether it is negative (-3.1 in a column of rates: a fall)."""
        text = cell.strip()
        text, pre = _strip_front(text, self.w.pre_affixes)
        text, said = _strip_front(text, self.w.cell_verb)
        if said and not pre:
            text, pre = _strip_front(text, self.w.pre_affixes)
        minus = text[:1] in _MINUS and text[1:2].isdigit()
        m = _value_regex().fullmatch(text[1:] if minus else text)
        parsed = self._value(m) if m else None
        return (parsed, pre, said, minus) if parsed else None

    def _row_unit(self, unit: str, mult: str, rate: tuple[str, str] | None, unit_text: str) -> tuple[str, str]:
        """The unit of a cell: its own, else that of its column of rates, else that of its row (a unit
        that planstats does not know, 元/人, gives none; 年 in the column of units is one of a table)."""
        if not unit and rate:
            unit = rate[1]
        if not unit:
            m = _value_regex().fullmatch("1" + unit_text) if unit_text else None
            of_row = self._value(m) if m else None
            mult_of_row, unit = (of_row.mult, of_row.unit) if of_row else ("", "")
            mult = mult or mult_of_row
            if not unit and unit_text in self.w.units and self.w.units[unit_text].table_only:
                unit = unit_text  # 年 in the column of units (劳动年龄人口平均受教育年限)
        return unit, mult


class _Column(NamedTuple):
    """What the header of a table says of a column of values."""

    year: int | None  # the year it names (2024年, 2025年目标)
    plan_year: int | None  # of the document
    target: bool  # a word of targets in it (目标, 预期)
    result: bool  # a word of results in it (完成, 实际)


#: The record of the values of a column of a table: the first rule whose case the column is gives it, a record
#: or ``None`` (a column planstats does not read). Each rule: its name, its case, what it gives.
COLUMN_RULES: tuple[tuple[str, Callable[[_Column], bool], Callable[[_Column], tuple[str, int | None] | None]], ...] = (
    (
        "no year: this year's targets, not its results",
        lambda c: c.year is None,
        lambda c: ("target", None) if c.target and not c.result else None,
    ),
    (
        "a year in a plan of no known year: its results, or this year's targets",
        lambda c: c.plan_year is None,
        lambda c: ("target", None) if c.target and not c.result else ("result", c.year) if c.result else None,
    ),
    (
        "a later year: targets for that year (2025年), as it has no results yet",
        lambda c: c.year > c.plan_year,  # type: ignore[operator]  # the rules before it take a year or plan year of None
        lambda c: ("horizon", c.year) if c.target or not c.result else None,
    ),
    (
        "the plan year: this year's targets",
        lambda c: c.year == c.plan_year,
        lambda c: ("target", None) if c.target or not c.result else None,
    ),
    (
        "an earlier year: its results (2023年目标 in a 2024 plan is not this year's)",
        lambda c: True,
        lambda c: ("result", c.year) if c.result or not c.target else None,
    ),
)
