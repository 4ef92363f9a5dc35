"""Name keys: one key for one name however it is spelt, and apart for different names."""

from __future__ import annotations

import pytest

from sitrep.link.names import acronym_of, alias_key, person_name_parts, sound_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Путин", "putin"),
        ("ОДКБ", "odkb"),
        ("U.S.", "us"),
        ("the U.S. State Department's", "us state department"),
        ("Putin’s", "putin"),
        ("Tajiks'", "tajiks"),
        ("Гоголь", "gogol"),  # the soft sign is not a letter of the key
        ("The Hague", "hague"),
        ("the", "the"),  # a lone "the" is kept rather than emptied
        ("Bogotá", "bogota"),
        ("al-Qaeda", "al qaeda"),
        ("ISIS-K", "isis k"),
        ("Washington, D.C.", "washington dc"),
        ("Bosnia & Herzegovina", "bosnia and herzegovina"),
        ("OPEC+", "opec plus"),
        ("  Collective   Security\nTreaty ", "collective security treaty"),
        ("Ministry of Defence", "ministry of defense"),
        ("United Nations Development Programme", "united nations development program"),
        ("Anti-Terrorism Centre", "antiterrorism center"),
        ("stabilisation", "stabilization"),
        ("", ""),
    ],
)
def test_names_alias_key(text: str, key: str) -> None:
    assert alias_key(text) == key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Collective Security Treaty Organisation", "Collective Security Treaty Organization"),
        (
            "Organisation for Security and Co-operation in Europe",
            "Organization for Security and Cooperation in Europe",
        ),
        ("OPEC+", "OPEC Plus"),
        ("Исламская Респу́блика Иран", "Islamskaya Respublika Iran"),  # a stress mark
    ],
)
def test_names_alias_key_meets(one: str, other: str) -> None:
    assert alias_key(one) == alias_key(other)


@pytest.mark.parametrize(
    "variants",
    [
        ("Rakhmon", "Rahmon", "Рахмон"),
        ("Dmitriy", "Dmitry", "Dmitrii", "Dmitri", "Дмитрий"),
        ("Sergei", "Sergey", "Сергей"),
        ("Aleksandr", "Alexander", "Alexandr", "Александр"),
        ("Yevgeny", "Evgeny", "Evgeniy", "Yevgeniy", "Евгений"),
        ("Yuri", "Yury", "Yuriy", "Iurii", "Юрий"),
        ("Mirziyoyev", "Mirziyoev", "Мирзиёев"),
        ("Haqqani", "Хаккани"),
        ("Zelensky", "Zelenskyy", "Zelenskiy", "Зеленский"),
        ("Tajik", "Tadjik", "Tadzhik"),
        ("Lavrov", "Lawrow", "Лавров"),
        ("Shoigu", "Shoygu", "Шойгу"),
        ("Pyotr", "Petr", "Пётр"),
        ("Yeltsin", "Eltsin", "Ельцин"),
        ("Nazarbayev", "Nazarbaev", "Назарбаев"),
        ("Tokayev", "Токаев"),
        ("Maria", "Mariya", "Мария"),
        ("Qurbonov", "Kurbonov"),
        ("Smirnoff", "Smirnov"),
        ("Shchekin", "Щёкин"),
        ("Emomali Rakhmon", "Эмомали Рахмон"),
    ],
)
def test_names_sound_key_variants_meet(variants: tuple[str, ...]) -> None:
    assert len({sound_key(variant) for variant in variants}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Rakhmon", "Rahman"),
        ("Lavrov", "Lavrin"),
        ("Putin", "Putina"),  # a feminine surname names another person
        ("Ivanov", "Ivanova"),
        ("Maria", "Mario"),
        ("Sergei", "Sergo"),
        ("Tajik", "Tajiks"),
    ],
)
def test_names_sound_key_keeps_different_names_apart(one: str, other: str) -> None:
    assert sound_key(one) != sound_key(other)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Vladimir Putin", ("vladimir", "putin")),
        ("Putin", (None, "putin")),
        ("Vladimir Vladimirovich Putin", ("vladimir", "putin")),
        ("Путин Владимир Владимирович", ("vladimir", "putin")),
        ("Putin, Vladimir", ("vladimir", "putin")),
        ("Mr. Putin", (None, "putin")),
        ("Mr Putin", (None, "putin")),
        ("Sen. John McCain", ("john", "mccain")),
        ("Dr Anthony Fauci", ("anthony", "fauci")),
        ("Gen. Valery Gerasimov", ("valery", "gerasimov")),
        ("Martin Luther King Jr.", ("martin", "king")),
        ("Ursula von der Leyen", ("ursula", "von der leyen")),
        ("Charles de Gaulle", ("charles", "de gaulle")),
        ("Abu Bakr al-Baghdadi", ("abu", "al baghdadi")),
        ("V. Putin", ("v", "putin")),
        ("Эмомали Рахмон", ("emomali", "rakhmon")),
        ("", (None, "")),
    ],
)
def test_names_person_name_parts(name: str, parts: tuple[str | None, str]) -> None:
    assert person_name_parts(name) == parts


@pytest.mark.parametrize(
    ("long_form", "acronym"),
    [
        ("Collective Security Treaty Organization", "CSTO"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("Commonwealth of Independent States", "CIS"),
        ("Shanghai Cooperation Organisation", "SCO"),
        ("Islamic State of Iraq and the Levant", "ISIL"),
        ("United Nations High Commissioner for Refugees", "UNHCR"),
        ("Organization for Security and Co-operation in Europe", "OSCE"),
        ("Asia-Pacific Economic Cooperation", "APEC"),
        ("Организация Договора о коллективной безопасности", "ОДКБ"),
        ("Содружество Независимых Государств", "СНГ"),
        ("Group of 20", "G20"),
        ("", ""),
    ],
)
def test_names_acronym_of(long_form: str, acronym: str) -> None:
    assert acronym_of(long_form) == acronym
