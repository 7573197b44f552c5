"""Decode the bytes of a text file: BOM, UTF-8, UTF-16, then GB18030 or Big5, told apart by the characters of plans."""

from __future__ import annotations

import codecs
import functools
import math
import re

from planstats.errors import DocumentError
from planstats.read.script import to_simplified

#: Signatures of binary formats that are sometimes renamed to .txt.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF file",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (a .docx renamed?)",
    b"\xd0\xcf\x11\xe0": "an old Office (.doc/.xls) file",
}


def decode(data: bytes, name: str = "<bytes>", *, lenient: bool = False) -> tuple[str, str]:
    """Decode the bytes of a text document; return ``(text, encoding)``.

    Tries, in order: a byte-order mark (UTF-8, UTF-16), strict UTF-8, UTF-16 without a
    BOM (recognised by its NUL bytes, or, mostly Chinese and so with few of them, by the
    characters of plans its text holds), then the legacy encodings of Chinese: strict GB18030
    (a superset of GBK and GB2312) or Big5 (as Big5-HKSCS); when the bytes decode as both,
    charset-normalizer tells which. Raises :class:`DocumentError` when the file is empty,
    binary or undecodable; with ``lenient=True`` undecodable bytes become U+FFFD instead.

    Examples
    --------
    >>> decode("增长8%".encode("gb18030"))
    ('增长8%', 'gb18030')
    """
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty; nothing to extract.")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise DocumentError(f"{name}: this is {what}, not a text document; convert it to .txt or .docx first.")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, enc, name, lenient), enc
    nul_even, nul_odd = (data[0::2].count(0), data[1::2].count(0)) if b"\0" in data else (0, 0)
    if nul_even + nul_odd > len(data) // 8:
        if max(nul_even, nul_odd) > 4 * min(nul_even, nul_odd) + 1:
            enc = "utf-16-le" if nul_odd > nul_even else "utf-16-be"
            return _strict(data, enc, name, lenient), enc
        raise DocumentError(f"{name}: binary data (NUL bytes), not a text document.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_err:
        found = _utf16_without_bom(data) or _legacy_encoding(data)
        if found:
            return data.decode(found), found
        if lenient:
            return data.decode("utf-8", errors="replace"), "utf-8 (lenient)"
        raise DocumentError(
            f"{name}: undecodable bytes at byte {utf8_err.start} (neither UTF-8, UTF-16, GB18030 nor Big5); "
            "re-save the file as UTF-8, or pass lenient=True to replace the bad bytes."
        ) from utf8_err


_LEGACY = ("gb18030", "big5hkscs")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 without a BOM whose text is mostly Chinese, so
    that it has few NUL bytes (those of its ASCII characters): the byte order whose text holds
    most of the characters of the words of plans, when that share is high and far above that of
    the text GB18030 or Big5 would make of the same bytes (which decode nearly any bytes)."""
    if len(data) % 2:
        return None
    shares = {}
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            shares[enc] = _plan_characters(data.decode(enc))
        except UnicodeDecodeError:
            continue
    if not shares:
        return None
    best = max(shares, key=shares.__getitem__)
    if shares[best] < _UTF16_SHARE:
        return None
    legacy = _legacy_encoding(data)
    return best if legacy is None or shares[best] - _plan_characters(data.decode(legacy)) >= _CHARACTER_MARGIN else None


_UTF16_SHARE = 0.5  # the least share of the characters of plans in a text read as UTF-16 without a BOM


def _legacy_encoding(data: bytes) -> str | None:
    """The legacy Chinese encoding of ``data`` (of ``_LEGACY``), or None if it is none of them.

    Nearly any bytes decode as GB18030, so Big5 text would come out as garbage characters:
    when both decode, the text that holds far more of the characters of the words of plans
    (those of ``data/lexicon.csv``, in simplified script) is the one, and otherwise
    charset-normalizer judges which text reads as language (the lower its "chaos"). The
    characters decide short texts, where the chaos of the two is alike (“十四五”末，高 read as
    Big5). A tie goes to GB18030, the encoding of the mainland."""
    texts = {}
    for enc in _LEGACY:
        try:
            texts[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    fits = list(texts)
    if len(fits) < 2:
        return fits[0] if fits else None
    shares = {enc: _plan_characters(text) for enc, text in texts.items()}
    best = max(fits, key=shares.__getitem__)
    if all(shares[best] - share >= _CHARACTER_MARGIN for enc, share in shares.items() if enc != best):
        return best
    import charset_normalizer

    chaos = {m.encoding: m.chaos for m in charset_normalizer.from_bytes(data, cp_isolation=fits, threshold=1.0)}
    return min(fits, key=lambda enc: chaos.get(enc, math.inf))  # GB18030 first


_CHARACTER_MARGIN = 0.25  # how much more of the characters of plans the right decoding holds


_PUNCTUATION = re.compile(r"[\u2000-\u206f\u3000-\u303f\uff00-\uffef]")  # general and CJK punctuation, full-width forms


def _plan_characters(text: str) -> float:
    """The share of the characters of ``text`` beyond ASCII and punctuation (in simplified
    script) that occur in the words of ``data/lexicon.csv``: high for a plan, low for bytes
    decoded wrong (rare characters, kana, box drawing: 祘╯いみ单)."""
    chars = [c for c in to_simplified(text) if c > "\x7f" and not _PUNCTUATION.fullmatch(c)]
    known = _lexicon_characters()
    return sum(c in known for c in chars) / len(chars) if chars else 0.0


@functools.lru_cache(maxsize=1)
def _lexicon_characters() -> frozenset[str]:
    from planstats.lexicon import lexicon

    return frozenset("".join(lexicon().words()))


def _strict(data: bytes, enc: str, name: str, lenient: bool) -> str:
    try:
        return data.decode(enc, errors="replace" if lenient else "strict")
    except UnicodeDecodeError as err:
        raise DocumentError(
            f"{name}: undecodable bytes at byte {err.start} for {enc}; pass lenient=True to replace them."
        ) from err
