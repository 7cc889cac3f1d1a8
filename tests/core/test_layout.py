"""Rules of the layout that imports alone do not show (those are in pyproject.toml's
[tool.importlinter] contracts, checked by ``make test``): each rule lives in one place."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "articles", "images", "people", "search", "distribution", "api", "sitecontent"]
APPS += ["liveticker", "wire", "newsletter", "pagecache", "demo", "newsroom"]


def sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path, path.read_text(encoding="utf-8")


def places(pattern):
    return sorted(
        str(path.relative_to(ROOT)) for path, text in sources() if re.search(pattern, text)
    )


def test_the_application_code_is_found():
    assert len(list(sources())) > 50


def test_article_events_are_written_by_one_function():
    assert places(r"ArticleEvent\.objects\.create|ArticleEvent\(") == ["articles/models/events.py"]


def test_dates_and_times_are_formatted_in_one_module():
    assert places(r"\.strftime\(|date_format\(") == ["core/dates.py"]


def test_pages_are_counted_in_one_module():
    assert places(r"\bPaginator\(") == ["core/pagination.py"]


def test_absolute_addresses_are_made_in_one_function():
    assert places(r"build_absolute_uri\(") == ["core/addresses.py"]


def test_no_application_module_is_longer_than_about_400_lines():
    long = {
        str(path.relative_to(ROOT)): text.count("\n")
        for path, text in sources()
        if text.count("\n") > 420
    }
    assert long == {}


def template_names(folder_name):
    """{name: path} of the templates in <root>/<folder_name>/ and every app's."""
    folders = [ROOT / folder_name] + [ROOT / app / folder_name for app in APPS]
    return {
        str(path.relative_to(folder)): path
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_each_template_is_written_for_one_engine_only():
    """The reader's pages are Jinja2 (jinja2/), the admin's, widgets' and mails' the DTL
    (templates/). The DTL comes first in TEMPLATES: a name in both would show the DTL one."""
    jinja2, dtl = template_names("jinja2"), template_names("templates")
    assert len(jinja2) > 40 and len(dtl) > 10  # both were found
    assert sorted(set(jinja2) & set(dtl)) == []
    leftovers = [name for name, path in jinja2.items() if "{% load" in path.read_text()]
    assert leftovers == [], "DTL tags in Jinja2 templates"
