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
    from planstats.grammar.timeline import Record, Timeline
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
        self.timeline: Timeline  # built by run() (planstats.grammar.timeline), once the sentences are known
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
