"""The layout of lines: the display width of a line and the number of an item that opens one."""

from __future__ import annotations

import re

#: The number of a heading or of an item of a list (一、 （二） 3. ⑤).
ITEM_NUMBER = (
    r"(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|\d{1,2}[)）]|[①-⑳])"
)


# what opens a heading or an item (and 第四): a line before it is no wrapped line
_ITEM_START = re.compile(rf"\s*(?:{ITEM_NUMBER}|第[一二三四五六七八九十]+)")


def _width(line: str) -> int:
    """Display width: a Chinese character is two columns, an ASCII one one."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))
