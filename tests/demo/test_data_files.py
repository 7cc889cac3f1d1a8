"""The demo's data files in demo/data/: read into the demo objects, mistakes named precisely."""

import shutil
from dataclasses import replace

import pytest

from demo import content


@pytest.fixture
def data_dir(tmp_path):
    """A copy of the shipped data files, to break one of them."""
    return shutil.copytree(content.DATA_DIR, tmp_path / "data")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_files_are_what_the_module_holds():
    data = content.read_demo_data()
    assert data.articles == content.ARTICLES
    assert data.images == content.IMAGES
    assert data.picture_rights == content.PICTURE_RIGHTS
    assert (data.home_lead, data.home_highlights) == (content.HOME_LEAD, content.HOME_HIGHLIGHTS)
    assert all(isinstance(picture.colors, tuple) for picture in content.IMAGES)
    assert content.PICTURE_RIGHTS["industrie"]["focal"] == (30, 55)
    roles = [byline for item in content.ARTICLES for byline in item.bylines if byline[1]]
    assert ("ad", "Politikredakteurin") in roles


def test_a_misspelt_field_names_file_and_entry(data_dir):
    edit(data_dir / "articles.json", '"kicker": "Stadtrat Leipzig"', '"kickr": "Stadtrat Leipzig"')
    with pytest.raises(content.DemoDataError, match=r"articles\.json, entry 1 \('tram'\)"):
        content.read_demo_data(data_dir)


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("articles.json", '"updated": true', '"updated": "ja"', "must be a true or false"),
        ("authors.json", '"code": "mm",', '"code": "mm",\n    "code": "mx",', "given twice"),
        ("images.json", '"usable_for_days": 365', '"usable_for_days": "365"', "whole number"),
        ("site.json", '"imprint_url"', '"impressum"', "unknown field 'impressum'"),
        ("sections.json", '"slug": "politik"},', '"slug": "politik"}', r"line 3: not valid JSON"),
    ],
)
def test_mistakes_in_the_files_are_named(data_dir, name, old, new, message):
    edit(data_dir / name, old, new)
    with pytest.raises(content.DemoDataError, match=message):
        content.read_demo_data(data_dir)


def test_an_unknown_scene_is_caught_before_loading(monkeypatch):
    broken = replace(content.IMAGES[0], scene="skylne")
    monkeypatch.setattr(content, "IMAGES", [broken, *content.IMAGES[1:]])
    with pytest.raises(ValueError, match="unknown scene 'skylne'"):
        content.check_demo_data()
