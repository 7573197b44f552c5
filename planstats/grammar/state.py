"""What the stages of the grammar share while they read one document: the text, the word groups,
and what the reading has found so far. The extractor (:class:`planstats.extract._Extractor`) is a
:class:`Reading`; each stage is a mixin of it, and declares here what it asks of the others."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from planstats.grammar.words import _words

if TYPE_CHECKING:
    from planstats.extract import Reject, Target
    from planstats.grammar.phrase import Phrase
    from planstats.grammar.timeline import Record
    from planstats.grammar.values import _Value
    from planstats.read.normalize import Normalized


class Reading:
    """One document being read, and what is known of it so far."""

    def __init__(self, norm: Normalized, plan_year: int | None):
        self.norm = norm
        self.text = norm.text
        self.plan_year = plan_year
        self.w = _words()
        self.lex, self.q = self.w.lex, self.w.q
        self.targets: list[Target] = []
        self.rejects: list[Reject] = []
        # the timeline (planstats.grammar.timeline): the headline list, review sections, years, periods
        self.headline: list[tuple[int, int]] = []
        self._headline_starts: list[int] = []
        self.review: list[tuple[int, int, int | None]] = []
        self._review_starts: list[int] = []
        self._full_stops: list[int] = []
        self._markers: dict[str, list[int]] = {}  # where the words of each role of time start (result, current …)
        self._part_year: list[int] = []
        self._whole_year: list[int] = []
        self._year_marks: list[tuple[int, int]] | None = None
        self._period_ends: set[int] = set()
        self._periods: list[tuple[int, int]] | None = None
        self._period_spans: list[tuple[int, int, int]] | None = None
        self._year_starts: list[int] = []
        self._turns: list[int] | None = None  # where the words of a turn to the plan year start (see _carried)
        self._whole: list[int] = []
        self._sources: list[int] | None = None  # where a time that a paragraph carries may be told (see _carried)
        self._paragraphs: dict[int, tuple[list[int], list]] = {}  # paragraph start → its times (_paragraph_times)
        # the sentence being read (planstats.extract): the targets before its values
        self._previous: list[tuple[str, bool]] = []  # see _sentence
        self._previous_opened = -1
        self._prev_end = 0
        self._prev_reversed = False

    if TYPE_CHECKING:  # what the stages ask of each other, defined by one of them

        def _emit(
            self,
            sentence: int,
            v: _Value,
            start: int,
            end: int,
            metric_text: str,
            verb: str,
            phrase: Phrase,
            at: Record,
        ) -> None: ...

        def _reject(self, start: int, end: int, reason: str) -> None: ...

        def _strip(self, segment: str) -> tuple[str, Phrase]: ...

        def _with_context(self, metric_text: str, subset: bool, previous, verb: str = "") -> tuple[str, bool]: ...

        def _value(self, m: re.Match[str]) -> _Value | None: ...
