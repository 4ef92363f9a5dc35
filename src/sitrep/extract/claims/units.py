"""The words around a number that say what it is: scales, currencies, units, hedges.

Tables, English and Russian, each form mapped to its normal form; ``figures`` builds
its pattern from them. Longer forms are listed before their prefixes where both
could match ("per cent" before "per").
"""

from __future__ import annotations

from sitrep.models import Approximation

# Multipliers written after a number: "1.3 thousand", "$9.4 billion", "1,3 тыс.".
SCALES: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "тыс.": 1e3, "тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3,
    "тысяча": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "m": 1e6, "млн.": 1e6, "млн": 1e6,
    "миллиона": 1e6, "миллионов": 1e6, "миллион": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "млрд.": 1e9, "млрд": 1e9,
    "миллиарда": 1e9, "миллиардов": 1e9, "миллиард": 1e9,
    "trillion": 1e12, "трлн": 1e12,
}  # fmt: skip

# Currency signs before a number, and currency words after it, to ISO 4217.
CURRENCY_SIGNS: dict[str, str] = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB"}
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "usd": "USD", "долларов": "USD", "доллара": "USD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "евро": "EUR",
    "rubles": "RUB", "roubles": "RUB", "rub": "RUB", "руб.": "RUB", "рублей": "RUB",
    "рубля": "RUB", "pounds": "GBP", "gbp": "GBP",
    "somoni": "TJS", "сомони": "TJS", "tenge": "KZT", "тенге": "KZT", "som": "KGS",
}  # fmt: skip

# Units after a number (or joined to it by a hyphen: "a 1,300-kilometer border").
UNITS: dict[str, str] = {
    "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km", "km": "km",
    "километров": "km", "километра": "km", "километр": "km", "км": "km",
    "miles": "mi", "mile": "mi",
    "meters": "m", "metres": "m", "meter": "m", "metre": "m", "метров": "m",
    "kilograms": "kg", "kilogram": "kg", "kg": "kg", "кг": "kg",
    "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "тонн": "t", "тонны": "t",
    "percent": "%", "per cent": "%", "%": "%", "процентов": "%", "процента": "%",
    "years": "year", "year": "year", "лет": "year", "года": "year",
    "months": "month", "month": "month", "месяцев": "month",
    "weeks": "week", "week": "week", "days": "day", "day": "day", "дней": "day",
    "hours": "hour", "hour": "hour", "часов": "hour",
}  # fmt: skip

# Nouns that make a figure a count of people: "16,000-man", "1.5 thousand militants".
PEOPLE = frozenset(
    str.split(
        """
    man men people persons troops soldiers servicemen militants fighters refugees civilians
    officers guards migrants casualties dead killed wounded personnel insurgents
    terrorists militiamen volunteers residents inhabitants
    человек военных военнослужащих боевиков беженцев пограничников солдат жителей
    """
    )
)

# Words joined to a number that make it the size of a force: "a 7,000-strong force".
FORCE_SIZE = frozenset({"strong"})

# Hedges before a number.
HEDGES: dict[str, Approximation] = {
    "about": Approximation.ABOUT, "around": Approximation.ABOUT,
    "roughly": Approximation.ABOUT, "approximately": Approximation.ABOUT,
    "some": Approximation.ABOUT, "nearly": Approximation.ABOUT, "almost": Approximation.ABOUT,
    "an estimated": Approximation.ABOUT, "estimated": Approximation.ABOUT,
    "около": Approximation.ABOUT, "примерно": Approximation.ABOUT,
    "порядка": Approximation.ABOUT, "почти": Approximation.ABOUT,
    "at least": Approximation.AT_LEAST, "не менее": Approximation.AT_LEAST,
    "more than": Approximation.MORE_THAN, "over": Approximation.MORE_THAN,
    "above": Approximation.MORE_THAN, "upwards of": Approximation.MORE_THAN,
    "более": Approximation.MORE_THAN, "свыше": Approximation.MORE_THAN,
    "больше": Approximation.MORE_THAN,
    "less than": Approximation.LESS_THAN, "fewer than": Approximation.LESS_THAN,
    "under": Approximation.LESS_THAN, "менее": Approximation.LESS_THAN,
    "up to": Approximation.UP_TO, "до": Approximation.UP_TO,
}  # fmt: skip

# Number words, and vague quantities as ranges ("several hundred": 200 to 900). "One"
# is left out: "one country" and "one of them" are not figures anyone checks.
NUMBER_WORDS: dict[str, float] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "a hundred": 100, "a thousand": 1000, "dozen": 12, "a dozen": 12,
}  # fmt: skip
VAGUE: dict[str, tuple[float, float]] = {
    "several hundred": (200, 900), "a few hundred": (200, 500), "hundreds": (200, 999),
    "several thousand": (2000, 9000), "a few thousand": (2000, 5000),
    "thousands": (2000, 9999), "dozens": (24, 99), "several dozen": (24, 99),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "несколько сотен": (200, 900), "сотни": (200, 999), "несколько тысяч": (2000, 9000),
    "тысячи": (2000, 9999), "десятки": (20, 99),
}  # fmt: skip
