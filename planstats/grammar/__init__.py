"""The grammar of a target, stage by stage. :mod:`planstats.extract` runs it on a document.

- :mod:`~planstats.grammar.patterns`: the regular expressions, character sets and reasons the stages share;
- :mod:`~planstats.grammar.words`: the word groups, compiled once from the rule files (lexicon, qualifiers,
  units, number words);
- :mod:`~planstats.grammar.clauses`: sentences and clauses, quotation marks, the values in each;
- :mod:`~planstats.grammar.values`: a number with its magnitude, unit and qualifier; ratios, ranks; lists of values;
- :mod:`~planstats.grammar.phrase`: the indicator phrase before a value, stripped and completed from its context;
- :mod:`~planstats.grammar.lists`: values and indicators spread over each other (分别, 各, 均, 城乡 …);
- :mod:`~planstats.grammar.table`: tables of targets, row by row under their header;
- :mod:`~planstats.grammar.timeline`: the year and record (target, result, horizon) a value at a position is for.

Each stage is a mixin of the document's extractor (``planstats.extract._Extractor``): the stages read the
same text and emit through the same ``_emit``. The words they use come from ``planstats/data``, never from
the code.
"""
