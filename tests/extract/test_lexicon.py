"""The editable word lists: theatres of armed groups."""

from __future__ import annotations

from sitrep.extract.geo.gazetteer import default_gazetteer
from sitrep.extract.lexicon import default_lexicon


def _theatres(text: str) -> list[str]:
    lex = default_lexicon()
    return [lex.theatres[m.group(1).casefold()].country for m in lex.theatre_pattern.finditer(text)]


def test_theatre_aliases_match_whole_words_with_pro_and_anti_prefixes() -> None:
    assert _theatres("pro-Houthi and anti-Houthi forces clashed") == ["Yemen", "Yemen"]
    assert _theatres("the Saudi-led coalition struck") == ["Yemen"]
    assert _theatres("Houthiland, SDFs") == []


def test_theatre_acronyms_match_only_in_capitals() -> None:
    assert _theatres("the STC said") == ["Yemen"]
    assert _theatres("the stc said, in Ukraine's dpr") == []


def test_every_theatre_names_a_known_country_and_areas_of_it() -> None:
    gaz = default_gazetteer()
    ranker = gaz.ranker
    for t in default_lexicon().theatres.values():
        country = gaz.country(t.country)
        assert country, t
        row = gaz._country_row(country)
        for area in t.areas:
            assert ranker.admin_rows(area, (row,)), (t.alias, area)


def test_an_emptied_theatre_file_matches_nothing(tmp_path) -> None:
    import shutil
    from importlib import resources

    from sitrep.extract.lexicon import load_lexicon

    packaged = resources.files("sitrep.extract") / "resources"
    for f in packaged.iterdir():
        if f.is_file():
            shutil.copy(str(f), tmp_path / f.name)
    (tmp_path / "theatres.tsv").write_text("# no groups\n", encoding="utf-8")
    lex = load_lexicon(tmp_path)
    assert lex.theatres == {} and list(lex.theatre_pattern.finditer("a , b ;; Houthi")) == []
