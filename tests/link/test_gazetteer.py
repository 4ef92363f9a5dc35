"""The bundled gazetteer: every spelling of a known actor finds its one entry."""

from __future__ import annotations

import pytest

from sitrep.link.gazetteer import Gazetteer, GazetteerEntry
from sitrep.models import EntityType


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.bundled()


@pytest.mark.parametrize(
    ("surface", "entry_id"),
    [
        ("CSTO", "org:csto"),
        ("ОДКБ", "org:csto"),
        ("Collective Security Treaty Organisation", "org:csto"),
        ("Collective Security Treaty Organization", "org:csto"),
        ("Организация Договора о коллективной безопасности", "org:csto"),
        ("NATO", "org:nato"),
        ("НАТО", "org:nato"),
        ("the U.N.", "org:un"),
        ("ООН", "org:un"),
        ("ISIL", "org:isis"),
        ("Daesh", "org:isis"),
        ("ИГИЛ", "org:isis"),
        ("ISIS-K", "org:isis-k"),
        ("al Qaida", "org:al-qaeda"),
        ("the Kremlin", "org:kremlin"),
        ("Russian Defence Ministry", "org:ru-mod"),
        ("Минобороны России", "org:ru-mod"),
        ("OSCE", "org:osce"),
        ("Organization for Security and Cooperation in Europe", "org:osce"),
        ("OPEC Plus", "org:opec-plus"),
        ("TASS", "org:tass"),
        ("РИА Новости", "org:ria-novosti"),
        ("Tajikistan", "country:TJ"),
        ("Таджикистан", "country:TJ"),
        ("Republic of Tajikistan", "country:TJ"),
        ("Russia", "country:RU"),
        ("Russian Federation", "country:RU"),
        ("Российская Федерация", "country:RU"),
        ("Россия", "country:RU"),
        ("U.S.", "country:US"),
        ("USA", "country:US"),
        ("America", "country:US"),
        ("США", "country:US"),
        ("Britain", "country:GB"),
        ("UK", "country:GB"),
        ("Iran", "country:IR"),
        ("Syria", "country:SY"),
        ("South Korea", "country:KR"),
        ("Кыргызстан", "country:KG"),
        ("Киргизия", "country:KG"),
        ("Kosovo", "country:XK"),
        ("Sochi", "city:491422"),
        ("Сочи", "city:491422"),
        ("Dushanbe", "city:1221874"),
        ("Душанбе", "city:1221874"),
        ("Kiev", "city:703448"),
        ("Kyiv", "city:703448"),
        ("Alma-Ata", "city:1526384"),
        ("Nur-Sultan", "city:1526273"),
        ("Kulyab", "city:1221194"),
        ("Central Asia", "place:central-asia"),
        ("Средняя Азия", "place:central-asia"),
        ("Pyanj", "place:panj-river"),
        ("Пяндж", "place:panj-river"),
        ("Gorno-Badakhshan", "place:gorno-badakhshan"),
        ("ГБАО", "place:gorno-badakhshan"),
        ("Pashtuns", "norp:pashtuns"),
    ],
)
def test_gazetteer_lookup_finds_the_entry(
    gazetteer: Gazetteer, surface: str, entry_id: str
) -> None:
    assert [entry.id for entry in gazetteer.lookup(surface)] == [entry_id]


@pytest.mark.parametrize(
    ("surface", "entry_ids"),
    [
        ("Georgia", {"country:GE", "us-state:GA"}),
        ("GKNB", {"org:tj-gknb", "org:kg-gknb"}),
        ("Congo", {"country:CG", "country:CD"}),
        ("Washington", {"city:4140963", "us-state:WA"}),  # the capital, not small towns
    ],
)
def test_gazetteer_lookup_returns_every_reading_of_an_ambiguous_alias(
    gazetteer: Gazetteer, surface: str, entry_ids: set[str]
) -> None:
    assert {entry.id for entry in gazetteer.lookup(surface)} == entry_ids


@pytest.mark.parametrize("surface", ["Rahmon", "Putin", "Organization", "", "   ", "the"])
def test_gazetteer_lookup_is_exact(gazetteer: Gazetteer, surface: str) -> None:
    assert gazetteer.lookup(surface) == ()


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Tajik", "Tajikistan"),
        ("Tajiks", "Tajikistan"),
        ("Tajikistani", "Tajikistan"),
        ("Russian", "Russia"),
        ("Russians", "Russia"),
        ("American", "United States"),
        ("U.S.", "United States"),
        ("British", "United Kingdom"),
        ("Afghan", "Afghanistan"),
        ("Afghans", "Afghanistan"),
        ("Kyrgyz", "Kyrgyzstan"),
        ("Uzbek", "Uzbekistan"),
        ("Chinese", "China"),
        ("Dutch", "Netherlands"),
    ],
)
def test_gazetteer_country_of_adjective(gazetteer: Gazetteer, word: str, country: str) -> None:
    entry = gazetteer.country_of_adjective(word)
    assert entry is not None
    assert (entry.name, entry.type) == (country, EntityType.GPE)


@pytest.mark.parametrize("word", ["Korean", "Congolese", "Dominican", "Putin", "Tajikistan", ""])
def test_gazetteer_country_of_adjective_none_when_ambiguous_or_unknown(
    gazetteer: Gazetteer, word: str
) -> None:
    assert gazetteer.country_of_adjective(word) is None


def test_gazetteer_entries_carry_checked_wikidata_ids(gazetteer: Gazetteer) -> None:
    ids = {"org:nato": "Q7184", "org:un": "Q1065", "org:csto": "Q318693", "country:RU": "Q159"}
    for entry_id, qid in ids.items():
        entry = gazetteer.entry(entry_id)
        assert entry is not None and entry.wikidata == qid
    tajikistan = gazetteer.entry("country:TJ")
    assert tajikistan is not None
    assert (tajikistan.wikidata, tajikistan.country) == ("Q863", "TJ")
    assert gazetteer.entry("org:kremlin") is not None
    assert gazetteer.entry("org:nothing") is None


def test_gazetteer_every_wikidata_id_is_well_formed(gazetteer: Gazetteer) -> None:
    qids = [entry.wikidata for entry in gazetteer if entry.wikidata is not None]
    assert qids and all(qid[0] == "Q" and qid[1:].isdigit() for qid in qids)
    assert len(qids) == len(set(qids)), "two entries share a Wikidata id"


def test_gazetteer_city_entries_know_their_country(gazetteer: Gazetteer) -> None:
    sochi = gazetteer.entry("city:491422")
    assert sochi is not None
    assert (sochi.name, sochi.type, sochi.country) == ("Sochi", EntityType.GPE, "RU")
    assert "Сочи" in sochi.aliases


@pytest.mark.parametrize(
    ("surface", "known"),
    [
        ("Sochi", True),
        ("Сочи", True),
        ("Khorog", True),
        ("Khorugh", True),
        ("Vorukh", True),
        ("Tajikistan", True),
        ("Central Asia", True),
        ("Bokhtar", True),
        ("Putin", False),
        ("CSTO", False),
        ("WAS", False),  # an airport code in geonames, not a name
        ("was", False),
        ("", False),
    ],
)
def test_gazetteer_is_known_place(gazetteer: Gazetteer, surface: str, known: bool) -> None:
    assert gazetteer.is_known_place(surface) is known


def test_gazetteer_surfaces_cover_text_entries_only(gazetteer: Gazetteer) -> None:
    pairs = list(gazetteer.surfaces())
    by_surface = {surface: entry.id for surface, entry in pairs}
    assert by_surface["CSTO"] == "org:csto"
    assert by_surface["ОДКБ"] == "org:csto"
    assert by_surface["Tajikistan"] == "country:TJ"
    assert by_surface["Душанбе"] == "city:1221874"
    assert by_surface["Central Asia"] == "place:central-asia"
    ids = {entry.id for _, entry in pairs}
    assert not any(entry_id.startswith("us-state:") for entry_id in ids)
    assert "city:1218667" not in ids  # Mary, Turkmenistan: a common first name
    assert "Tajik" not in by_surface  # adjectives are not surfaces


def test_gazetteer_bundled_is_loaded_once() -> None:
    assert Gazetteer.bundled() is Gazetteer.bundled()


def test_gazetteer_rejects_a_duplicate_id() -> None:
    entry = GazetteerEntry("org:x", "X", EntityType.ORG, ("X",), None, None)
    with pytest.raises(ValueError, match="org:x"):
        Gazetteer([entry, entry])


def test_gazetteer_built_by_hand() -> None:
    entry = GazetteerEntry("place:p", "Panj River", EntityType.LOC, ("Panj", "Пяндж"), None, None)
    small = Gazetteer([entry], place_names=["sochi"])
    assert small.lookup("Пяндж") == (entry,)
    assert small.is_known_place("Panj") and small.is_known_place("Sochi")
    assert list(small.surfaces()) == [("Panj", entry), ("Пяндж", entry)]
    assert len(small) == 1


def test_gazetteer_bundled_leaves_the_big_place_index_for_first_use() -> None:
    # What keeps loading it cheap (timing itself belongs in bench/, not in a unit test).
    Gazetteer.bundled.cache_clear()
    gazetteer = Gazetteer.bundled()
    assert gazetteer._other_places is None
    assert gazetteer.is_known_place("Tashkent")
