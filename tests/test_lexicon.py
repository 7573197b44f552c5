"""The lexicon is typed: its roles are declared once in planstats/lexicon.py, and lexicon.csv is checked
against them."""

import dataclasses
import re
from pathlib import Path

import pytest

import planstats as ps
from planstats.lexicon import Lexicon, lexicon

PACKAGE = Path(ps.__file__).parent
REAL = PACKAGE / "data" / "lexicon.csv"


def _copy_with(tmp_path, extra: str = "", drop_role: str | None = None) -> Path:
    lines = REAL.read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if drop_role is None or ln.split(",")[1:2] != [drop_role]]
    path = tmp_path / "lexicon.csv"
    path.write_text("\n".join(kept) + "\n" + extra, encoding="utf-8")
    return path, len(kept) + 1


def test_a_role_the_code_does_not_declare_is_an_error_naming_the_line(tmp_path):
    path, line = _copy_with(tmp_path, "力争,strech,a typo\n")
    with pytest.raises(ps.DataFileError, match=rf"lexicon.csv, line {line}: unknown role 'strech' \(of '力争'\)"):
        Lexicon.read(path)


def test_a_declared_role_with_no_word_is_an_error_naming_the_role(tmp_path):
    path, _ = _copy_with(tmp_path, drop_role="respectively")
    with pytest.raises(ps.DataFileError, match=r"no word for the role\(s\) \['respectively'\]"):
        Lexicon.read(path)


def test_a_duplicate_word_of_a_role_is_an_error(tmp_path):
    path, line = _copy_with(tmp_path, "分别,respectively,\n")
    with pytest.raises(ps.DataFileError, match=f"line {line}: empty or duplicate word '分别'"):
        Lexicon.read(path)


def test_words_of_a_role_are_longest_first():
    for field in dataclasses.fields(Lexicon):
        words = getattr(lexicon(), field.name)
        assert [len(w) for w in words] == sorted((len(w) for w in words), reverse=True), field.name


def test_every_declared_role_is_used_by_the_code():
    """A role that no rule reads is a word list that does nothing."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if p.name != "lexicon.py")
    unused = [f.name for f in dataclasses.fields(Lexicon) if not re.search(rf"\b(?:lex|lexicon\(\))\.{f.name}\b", code)]
    assert unused == []
