"""What a researcher who installs planstats with pip gets: the package data, true dependency
bounds, a docs site that builds, and a README short enough to read."""

import configparser
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import planstats as ps

ROOT = Path(__file__).resolve().parent.parent
SETUP = configparser.ConfigParser()
SETUP.read(ROOT / "setup.cfg", encoding="utf-8")


def _requirements() -> dict[str, str]:
    lines = [ln.strip() for ln in SETUP["options"]["install_requires"].splitlines() if ln.strip()]
    found = dict(re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+)", ln).groups() for ln in lines)
    assert len(found) == len(lines), "every requirement has a lower bound: name>=version"
    return found


def test_the_lowest_constraints_pin_exactly_the_declared_minimums():
    """`make test-lowest` runs the suite with constraints-lowest.txt: it must test the bounds setup.cfg declares."""
    pinned = dict(
        ln.split("==")
        for ln in (ROOT / "constraints-lowest.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    )
    assert pinned == _requirements()


def test_every_file_of_the_package_data_goes_into_the_wheel():
    patterns = SETUP["options.package_data"]["planstats"].replace(",", " ").split()
    data = ROOT / "planstats" / "data"
    shipped = {p for pattern in patterns for p in (ROOT / "planstats").glob(pattern) if p.is_file()}
    assert {p for p in data.rglob("*") if p.is_file()} | {ROOT / "planstats" / "py.typed"} == shipped
    assert ps.sample_corpus() == data / "raw"


def test_the_data_folder_of_a_clone_is_the_package_data():
    """A link in a clone; a copy in an sdist (which keeps no links): the same files either way."""
    data, package = ROOT / "data", ROOT / "planstats" / "data"
    if data.is_symlink():
        assert data.resolve() == package.resolve()
    else:
        files = sorted(p.relative_to(package) for p in package.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(data) for p in data.rglob("*") if p.is_file())
        assert all((data / f).read_bytes() == (package / f).read_bytes() for f in files)


def test_the_readme_is_short_and_its_links_lead_somewhere():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= 8 * 1024
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", readme)
    local = [link for link in links if not link.startswith("http")]
    assert local and all((ROOT / link).exists() for link in local), [
        link for link in local if not (ROOT / link).exists()
    ]


def test_every_public_name_is_in_the_api_reference():
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^::: planstats\.(?:corpus\.)?(\w+)$", api, flags=re.M))
    assert set(ps.__all__) - {"plot"} <= documented


@pytest.mark.slow  # the docs of the latest versions: make test only
def test_the_docs_site_builds_with_warnings_as_errors(tmp_path):
    mkdocs = Path(sys.executable).with_name("mkdocs")
    if not mkdocs.exists():
        pytest.fail("mkdocs is not installed: `pip install -e '.[test,docs]'` (make test does)")
    done = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    api = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    assert 'id="planstats.compare"' in api and 'id="planstats.plot.compare"' in api
    codebook = (tmp_path / "site" / "codebook" / "index.html").read_text(encoding="utf-8")
    assert all(f"<code>{m}</code>" in codebook for m in ps.metrics()["id"])  # the taxonomy, generated from metrics.csv
    assert "地区生产总值增长" in codebook
    notebook = tmp_path / "site" / "notebooks" / "02_cross_region_comparison"
    page = (notebook / "index.html").read_text(encoding="utf-8")
    charts = re.findall(r'<img alt="output of the cell above" src="([^"]+\.png)"', page)
    assert charts and all((notebook.parent / Path(c).name).stat().st_size > 1000 for c in charts)  # run, drawn
    assert "Xixian New Area" in page or "西咸新区" in page  # what the cells printed


def test_every_table_of_the_docs_renders_as_a_table():
    """A table whose header runs on from a paragraph renders as a paragraph of pipes, and mkdocs --strict says
    nothing: each table's separator row must give one <table> (Python-Markdown, as mkdocs renders)."""
    import markdown

    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for page in pages:
        text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)  # code blocks
        separators = len(re.findall(r"^\|?\s*:?-{3,}:?\s*\|", text, flags=re.M))
        html = markdown.markdown(text, extensions=["tables"])
        assert html.count("<table>") == separators, page.relative_to(ROOT)


def _tracked() -> list[str] | None:
    done = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True)
    return [f for f in done.stdout.decode("utf-8").split("\0") if f] if done.returncode == 0 else None


def test_the_sdist_holds_what_its_tests_need_and_the_notice(tmp_path):
    """An sdist is built by setuptools as pip builds one; it holds every file of the clone but CI's script,
    the cache of the benchmarks and the data link (copied), so that pytest runs in it."""
    tracked = _tracked()
    if tracked is None:
        pytest.skip("not a git clone (an unpacked sdist): nothing to compare the sdist with")
    done = subprocess.run(
        [sys.executable, "-c", f"from setuptools import build_meta as b; b.build_sdist({str(tmp_path)!r})"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    import tarfile

    with tarfile.open(next(tmp_path.glob("planstats-*.tar.gz"))) as sdist:
        held = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    left_out = (".ci/", ".gitignore", "benchmarks/.cache/")
    wanted = {f for f in tracked if not f.startswith(left_out) and f != "data"}
    assert wanted - held == set()
    assert {"NOTICE", "CITATION.cff", "tests/conftest.py", "data/raw/manifest.csv"} <= held


def test_the_metadata_says_who_made_it_and_which_pythons_it_runs_on():
    meta = SETUP["metadata"]
    assert {"NOTICE", "CITATION.cff", "LICENSE"} <= set(meta["license_files"].split())
    # (no project_urls until the repository has a public address: a guessed one would send readers astray)
    assert meta["author"] and meta["keywords"]
    pythons = re.findall(r"Programming Language :: Python :: (3\.\d+)", meta["classifiers"])
    assert pythons[0] == SETUP["options"]["python_requires"].removeprefix(">=") and "3.13" in pythons
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install planstats " not in readme and "git clone" in readme and ".whl" in readme


def _public_functions() -> list[tuple[str, object]]:
    """Every function of the API reference: ``ps.NAME`` and ``ps.plot.NAME``."""
    import inspect

    import planstats.plot as plot

    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    names = [n for n in ps.__all__ if n != "plot"] + [
        "plot." + n for n in re.findall(r"^::: planstats\.plot\.(\w+)$", api, flags=re.M)
    ]
    objects = [(n, getattr(plot, n[5:]) if n.startswith("plot.") else getattr(ps, n)) for n in names]
    return [(n, o) for n, o in objects if inspect.isfunction(o)]


@pytest.mark.parametrize("name, function", _public_functions(), ids=[n for n, _ in _public_functions()])
def test_every_public_function_documents_its_parameters_returns_and_an_example(name, function):
    import inspect

    doc = inspect.getdoc(function) or ""
    sections = dict(re.findall(r"^(\w+)\n-{3,}\n(.*?)(?=^\w+\n-{3,}\n|\Z)", doc, flags=re.M | re.S))
    parameters = [p for p in inspect.signature(function).parameters if p not in ("self", "cls")]
    assert "Returns" in sections and "Examples" in sections and ">>> " in sections["Examples"], name
    if parameters:
        documented = re.findall(r"^(\w+)(?: :|$)", sections.get("Parameters", ""), flags=re.M)
        assert documented == parameters, f"{name}: the Parameters section names {documented}, the function {parameters}"
    roles = re.findall(r":(?:func|class|mod|data|meth|attr):`", doc)
    assert not roles, f"{name}: Sphinx roles show literally in the docs; use [planstats.name][] or ``name``"
