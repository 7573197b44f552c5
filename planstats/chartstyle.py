"""The look of planstats charts: the CJK font (:func:`cjk_font`, :func:`use_cjk_font`), the style
(:func:`style`), and the frame every chart shares (its axes, palette, source note). See
:mod:`planstats.plot`."""

from __future__ import annotations

import functools
import importlib.util
import textwrap
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
import pandas as pd
from matplotlib import font_manager
from matplotlib.axes import Axes

from planstats.errors import ArgumentError, PlanstatsError
from planstats.citations import doc_titles

#: CJK fonts that may be installed on a system, preferred in this order.
SYSTEM_CJK = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "PingFang SC",
    "Microsoft YaHei",
    "SimHei",
    "Heiti SC",
)
#: The font charts fall back on (a subset of Noto Sans CJK SC, made by scripts/subset_font.py; OFL 1.1)
BUNDLED_FONT = Path(__file__).parent / "data" / "fonts" / "PlanstatsSansCJK-Regular.otf"
BUNDLED_FONT_NAME = "Planstats Sans CJK"
FIGSIZE = (6.5, 3.6)  # inches: the width of a two-column page; half of it still reads at 8 pt
_MARKERS = {"at_least": "^", "at_most": "v", "approx": "o", "exact": "_", "range": "_"}
_MARKERS_ACROSS = {"at_least": ">", "at_most": "<"}  # on horizontal bars
_CONFLICT = {"en": "† other values in the same document.", "zh": "† 同一文件另有数值。"}  # what † means
_STYLE = {
    "font.size": 8.5,
    "axes.titlesize": 9.5,
    "axes.labelsize": 8.5,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 7.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "savefig.bbox": "tight",
    "savefig.dpi": 300,
    "figure.dpi": 110,
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
}


class FontError(PlanstatsError, RuntimeError):
    """No font that can draw Chinese characters was found."""


@functools.lru_cache(maxsize=1)
def cjk_font() -> str:
    """The name of a font that draws Chinese: an installed system CJK font if there is one, else the
    Noto Sans CJK SC of ``mpl-font`` when installed (``pip install "planstats[fonts]"``), else the subset
    of it that planstats carries (``BUNDLED_FONT``: GB 2312 and every character of the region tables
    and rule files), registered with matplotlib.

    Returns
    -------
    str
        The family name of the font.

    Examples
    --------
    >>> cjk_font() in (*SYSTEM_CJK, BUNDLED_FONT_NAME)
    True
    """
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in SYSTEM_CJK:
        if name in installed:
            return name
    spec = importlib.util.find_spec("mpl_font")  # located, not imported: importing it changes rcParams
    path = BUNDLED_FONT
    if spec is not None and spec.submodule_search_locations:
        whole = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "noto" / "NotoSansCJKsc-Regular.otf"
        path = whole if whole.exists() else path
    if not path.exists():
        raise FontError(
            f"{path}: the CJK font of planstats is missing; reinstall planstats, or install a system CJK font "
            "(fonts-noto-cjk) or pip install 'planstats[fonts]'."
        )
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def _families() -> list[str]:
    return [mpl.rcParams["font.sans-serif"][0], cjk_font()]


def use_cjk_font() -> None:
    """Make a CJK font the fallback of all matplotlib text from now on (changes rcParams).

    The planstats plot functions do not need this; call it for your own charts with
    Chinese labels. ``with style():`` does the same for a block only.

    Returns
    -------
    None

    Examples
    --------
    >>> import matplotlib as mpl, planstats as ps
    >>> with mpl.rc_context():
    ...     ps.plot.use_cjk_font()
    ...     len(mpl.rcParams["font.family"]) >= 2
    True
    """
    mpl.rcParams["font.family"] = _families()


@contextmanager
def style():
    """The planstats look (paper-sized fonts, no top/right spines, a CJK fallback font) for a block.

    What a backend set up inside the block stays: Jupyter's backend turns interactive mode on
    when the first figure of a kernel is made, and restoring it (as ``rc_context`` does) would
    leave every later chart unshown.

    Returns
    -------
    contextlib.AbstractContextManager
        A block within which matplotlib draws in the planstats look.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, planstats as ps
    >>> with ps.plot.style():
    ...     fig, ax = plt.subplots()
    >>> plt.close(fig)
    """
    with mpl.rc_context({**_STYLE, "font.family": _families()}):
        try:
            yield
        finally:
            interactive = mpl.is_interactive()
    mpl.interactive(interactive)


# ---------------------------------------------------------------------------------------
# helpers


def _axes(ax: Axes | None, figsize=FIGSIZE) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.figure(figsize=figsize, layout="constrained").add_subplot()


def _palette(n: int) -> list:
    import seaborn as sns

    return sns.color_palette("colorblind", max(n, 1))


def _drawn(name: str) -> str:
    r"""A name as a chart draws it: tabs, line breaks and other control characters as one space, and ``$``
    as a dollar sign (matplotlib reads the text between two as mathematics, and fails on what is not).

    Examples
    --------
    >>> print(_drawn("甲县\tA$1$"))
    甲县 A\$1\$
    """
    return " ".join("".join(c if c.isprintable() else " " for c in name).split()).replace("$", r"\$")


def _source_note(
    ax: Axes, docs: Iterable[str], lang: str, data: pd.DataFrame | None = None, *, before: str = ""
) -> None:
    titles = [_drawn(t) for t in doc_titles(sorted(set(docs)), data=data)]
    if not titles and not before:
        return
    if len(titles) > 8:  # a note of a page's width: the rest are counted, and planstats.cite lists them all
        more = len(titles) - 6
        titles = titles[:6] + [
            f"and {more} more (planstats.cite lists them)" if lang == "en" else f"另{more}份 (planstats.cite 列出全部)"
        ]
    text = (
        ("Source: " if lang == "en" else "资料来源：") + "; ".join(titles) + ". Extracted with planstats."
        if titles
        else ""
    )
    text = f"{before} {text}".strip()
    ax.figure.text(0.01, -0.01, "\n".join(textwrap.wrap(text, 110)), ha="left", va="top", fontsize=6.5, color="0.35")


def _finish(ax: Axes) -> Axes:
    fams = _families()
    for label in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
        label.set_fontfamily(fams)
    return ax


def _check_lang(lang: str) -> None:
    if lang not in ("en", "zh"):
        raise ArgumentError(f"The value for `lang` must be one of ['en', 'zh'], but {lang!r} was passed.")


def _empty(ax: Axes, message: str) -> Axes:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="0.4")
    ax.set_axis_off()
    return ax
