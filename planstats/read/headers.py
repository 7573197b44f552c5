"""The one classifier of the header of a table of targets: the words of its cells (lexicon roles
``table_unit``, ``table_nature``, ``table_name``, ``table_number``, ``table_target``, ``table_result``),
as the readers of PDFs and of tables written as text and the grammar of a table's rows all ask it."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from planstats.read.script import to_simplified


@dataclass(frozen=True)
class HeaderWords:
    """The words of the cells of a header, by what the column holds."""

    unit: frozenset[str]  # 单位: the column of units
    nature: frozenset[str]  # 属性: whether a target is binding (约束性) or expected (预期性)
    name: frozenset[str]  # 指标名称: the names of the indicators
    number: frozenset[str]  # 序号: the numbers of the rows
    target: tuple[str, ...]  # 目标, 计划: in the header of a column of targets (2024年目标)
    result: tuple[str, ...]  # 完成, 实际: in the header of a column of results (2023年完成)

    @property
    def values(self) -> tuple[str, ...]:
        """The words of the header of a column of values, targets or results."""
        return self.target + self.result

    def kind(self, cell: str) -> str | None:
        """What the column of a header cell holds, when the cell is one of the words of a column of
        its own: ``unit``, ``nature``, ``name`` or ``number``; else ``None``.

        >>> header_words().kind("单位"), header_words().kind("指标名称"), header_words().kind("2024年目标")
        ('unit', 'name', None)
        """
        for kind in ("unit", "nature", "name", "number"):
            if cell in getattr(self, kind):
                return kind
        return None


@functools.lru_cache(maxsize=1)
def header_words() -> HeaderWords:
    """The header words of ``data/lexicon.csv``, read once."""
    from planstats.lexicon import lexicon

    lex = lexicon()
    return HeaderWords(
        unit=frozenset(lex.table_unit),
        nature=frozenset(lex.table_nature),
        name=frozenset(lex.table_name),
        number=frozenset(lex.table_number),
        target=lex.table_target,
        result=lex.table_result,
    )


def _table_header(page: str) -> bool:
    """Whether the text of a PDF page holds the header of a table of targets: a word of the role
    ``table_unit`` or ``table_name`` (单位, 指标名称) as a cell of its own, apart by spaces or lines."""
    if not page:
        return False
    words = header_words()
    cells = set(to_simplified(page).split())
    return bool(cells & (words.unit | words.name))


def _is_unit(cell: str) -> bool:
    from planstats.numbers import MULTIPLIERS, units

    table = units()
    return cell in table or any(cell.startswith(m) and cell[len(m) :] in table for m in MULTIPLIERS)
