"""The plain-text cleaner: header, body and trailer of a page copied as text.

Every page here is written for the test; none is a copy of a real report.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.clean.plaintext import CleanedText, clean_plain_text

LEAD = (
    "Leaders of the six member states met in the resort town on Monday to discuss the "
    "border, agreeing that the threat from the south had grown over the summer months."
)
SECOND = (
    "The host said the bloc would send more help, but gave no figures. Officials from "
    "two delegations said the matter would return at the next meeting in the spring."
)
THIRD = "Observers were not convinced that the promises would be kept this time."


def page(*lines: str) -> str:
    return "\n".join(lines)


def removed(cleaned: CleanedText) -> dict[str, str]:
    return {line.text.strip(): line.reason for line in cleaned.removed}


def test_header_body_and_trailer() -> None:
    text = page(
        "Skip to main content",
        "Home",
        "",
        "# Border fears dominate the summit",
        "",
        "Leaders weigh help for the southern frontier",
        "",
        "By [Jane Doe](#)",
        "",
        "September 23, 2013",
        "",
        "Delegates arriving at the summit venue.",
        "",
        LEAD,
        "",
        SECOND,
        "",
        "What comes next",
        "",
        THIRD,
        "",
        "Contact the author at [j.doe@example.org](mailto:j.doe@example.org)",
        "",
        "Original url:",
        "",
        "<https://www.themoscowtimes.com/2013/09/23/border-fears-a1>",
    )
    cleaned = clean_plain_text(text)
    assert cleaned.title == "Border fears dominate the summit"
    assert cleaned.author == "Jane Doe"
    assert cleaned.published == dt.date(2013, 9, 23)
    assert cleaned.published_text == "September 23, 2013"
    assert cleaned.url == "https://www.themoscowtimes.com/2013/09/23/border-fears-a1"
    assert cleaned.source == "The Moscow Times"
    assert not cleaned.machine_translated
    assert cleaned.text == "\n\n".join(
        [
            "Border fears dominate the summit",
            "Leaders weigh help for the southern frontier",  # the standfirst stays
            LEAD,
            SECOND,
            "What comes next",  # a subhead mid-body stays
            THIRD,
        ]
    )
    assert removed(cleaned) == {
        "Skip to main content": "navigation",
        "Home": "navigation",
        "By [Jane Doe](#)": "byline",
        "September 23, 2013": "dateline",
        "Delegates arriving at the summit venue.": "photo caption",
        "Contact the author at [j.doe@example.org](mailto:j.doe@example.org)": "author contact",
        "Original url:": "original URL",
        "<https://www.themoscowtimes.com/2013/09/23/border-fears-a1>": "original URL",
    }


def test_removed_lines_point_into_the_page() -> None:
    text = page("Advertisement", "Border fears dominate the summit", "", LEAD, "", "Share this")
    cleaned = clean_plain_text(text)
    for line in cleaned.removed:
        assert text[line.start : line.end] == line.text


def test_first_line_dateline_then_headline_and_tags() -> None:
    cleaned = clean_plain_text(
        page(
            "28 September 2013, 14:07",
            "",
            "Bloc to step up help for its southern member",
            "",
            "summit border leaders meeting",
            "",
            LEAD,
            "",
            "    and share via",
        )
    )
    assert cleaned.published == dt.date(2013, 9, 28)
    assert cleaned.title == "Bloc to step up help for its southern member"
    assert removed(cleaned) == {
        "28 September 2013, 14:07": "dateline",
        "summit border leaders meeting": "tags",
        "and share via": "share widget",
    }
    assert cleaned.text.endswith(LEAD)


def test_a_headline_with_a_date_in_it_stays_the_headline() -> None:
    cleaned = clean_plain_text(page("Elections set for 4 December 2011", "", LEAD))
    assert cleaned.title == "Elections set for 4 December 2011"
    assert cleaned.published is None
    assert cleaned.removed == ()


def test_links_below_a_navigation_label_go_and_their_dates_are_not_the_date() -> None:
    cleaned = clean_plain_text(
        page(
            "Border fears grow",
            "",
            LEAD,
            "",
            "Related news",
            "",
            "Ministers meet in the capital",
            "12 March 2012",
            "",
            "Summit postponed again",
        )
    )
    assert cleaned.published is None
    assert cleaned.text == f"Border fears grow\n\n{LEAD}"
    assert removed(cleaned) == {
        "Related news": "navigation",
        "Ministers meet in the capital": "related link",
        "12 March 2012": "related link",
        "Summit postponed again": "related link",
    }


def test_a_labelled_date_below_the_article_is_its_date() -> None:
    cleaned = clean_plain_text(
        page("Border fears grow", "", LEAD, "", "Published: 23 September 2013, 14:07")
    )
    assert cleaned.published == dt.date(2013, 9, 23)
    assert cleaned.text == f"Border fears grow\n\n{LEAD}"


def test_a_known_masthead_above_the_headline_names_the_outlet() -> None:
    cleaned = clean_plain_text(page("Interfax", "", "Border fears grow", "", LEAD))
    assert cleaned.source == "Interfax"
    assert cleaned.title == "Border fears grow"


def test_trailer_credits_are_read_and_removed() -> None:
    cleaned = clean_plain_text(
        page(
            "Border fears grow",
            "",
            LEAD,
            "",
            SECOND,
            "",
            "\u00a0",
            "",
            'Centre "Steppe and Mountains"',  # the site's own name, among its furniture
            "",
            "Photo: the press service of the host",
            "",
            "Based on materials from TASS",
        )
    )
    assert cleaned.source == "TASS"
    assert cleaned.text.endswith(SECOND)
    assert removed(cleaned) == {
        'Centre "Steppe and Mountains"': "page footer",
        "Photo: the press service of the host": "photo credit",
        "Based on materials from TASS": "source credit",
    }


def test_url_in_a_markdown_link_names_the_outlet() -> None:
    cleaned = clean_plain_text(
        page("Border fears grow", "", LEAD, "", "[Original article](https://tass.com/world/123)")
    )
    assert cleaned.url == "https://tass.com/world/123"
    assert cleaned.source == "TASS"
    assert cleaned.text == f"Border fears grow\n\n{LEAD}"


def test_outlet_from_repeated_attributions() -> None:
    body = (
        "The secretariat told Izvestia that the programme was on track, and that the first "
        "stage would start soon. A researcher told Izvestia the risks were rising."
    )
    cleaned = clean_plain_text(page("Border programme on track", "", body))
    assert cleaned.source == "Izvestia"


def test_machine_translation_notice_and_russian_furniture_in_the_trailer() -> None:
    cleaned = clean_plain_text(
        page(
            "Border programme on track",
            "",
            LEAD,
            "",
            "Переведено сервисом «Яндекс Переводчик»",
            "",
            "Прямой эфир",
            "Следующая новость",
            "Мы используем файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с "
            "условиями.",
        )
    )
    assert cleaned.machine_translated
    assert cleaned.text == f"Border programme on track\n\n{LEAD}"
    assert set(removed(cleaned).values()) == {
        "machine translation notice",
        "live broadcast",
        "navigation",
        "cookie notice",
    }


def test_the_next_story_below_a_next_news_link_is_not_this_one() -> None:
    cleaned = clean_plain_text(
        page(
            "Border fears grow",
            "",
            LEAD,
            "",
            "This article was translated automatically.",
            "",
            "Next news",
            "",
            "Ministers meet in the capital",
            "",
            SECOND,
        )
    )
    assert cleaned.text == f"Border fears grow\n\n{LEAD}"
    assert cleaned.machine_translated
    assert removed(cleaned)[SECOND] == "related link"


def test_a_machine_translation_notice_between_paragraphs() -> None:
    cleaned = clean_plain_text(
        page("Border fears grow", "", LEAD, "", "Translated with DeepL.", "", SECOND)
    )
    assert cleaned.machine_translated
    assert cleaned.text == f"Border fears grow\n\n{LEAD}\n\n{SECOND}"


def test_machine_translation_notice_above_the_headline() -> None:
    cleaned = clean_plain_text(
        page("This article was machine-translated from Russian.", "", "Border fears", "", LEAD)
    )
    assert cleaned.machine_translated
    assert cleaned.title == "Border fears"


def test_an_article_about_machine_translation_is_not_flagged() -> None:
    body = (
        "Officials said the documents had been machine-translated from Chinese, and that "
        "several clauses were garbled as a result of the automatic translation."
    )
    cleaned = clean_plain_text(page("Treaty text garbled", "", LEAD, "", body, "", SECOND))
    assert not cleaned.machine_translated
    assert body in cleaned.text


def test_a_last_paragraph_about_machine_translation_is_the_article() -> None:
    last = "Officials said the treaty had been machine-translated from Chinese."
    cleaned = clean_plain_text(page("Treaty text garbled", "", LEAD, "", last))
    assert not cleaned.machine_translated
    assert cleaned.text.endswith(last)


def test_subheads_and_one_word_lines_inside_the_body_stay() -> None:
    cleaned = clean_plain_text(
        page(
            "Search giant posts record profit",
            "",
            LEAD,
            "",
            "Search",
            "",
            SECOND,
            "",
            "Advertising",
            "",
            THIRD,
            "",
            "2014",
            "",
            "The plan for the next year was not yet public, the company said.",
        )
    )
    for subhead in ("Search", "Advertising", "2014"):
        assert f"\n\n{subhead}\n\n" in cleaned.text
    assert cleaned.removed == ()


def test_unmistakable_furniture_inside_the_body_goes() -> None:
    cleaned = clean_plain_text(
        page(
            "Border fears grow",
            "",
            LEAD,
            "",
            "Advertisement",
            "",
            "Read also: Leaders gather for a border summit",
            "",
            SECOND,
        )
    )
    assert cleaned.text == f"Border fears grow\n\n{LEAD}\n\n{SECOND}"
    assert set(removed(cleaned).values()) == {"advertisement", "navigation"}


def test_lists_at_the_end_of_an_article_stay() -> None:
    cleaned = clean_plain_text(
        page(
            "Cup draw made",
            "",
            LEAD,
            "",
            "Northtown v Southport",
            "",
            "Eastfield or Westbury v Lakeside",
            "",
            "Referee: J Smith (Hilltown)",
        )
    )
    assert cleaned.removed == ()
    assert cleaned.text.endswith(
        "Northtown v Southport\n\nEastfield or Westbury v Lakeside\n\nReferee: J Smith (Hilltown)"
    )


def test_a_lone_last_line_with_nothing_after_it_stays() -> None:
    cleaned = clean_plain_text(page("Match report", "", LEAD, "", "J Smith (Hilltown)"))
    assert cleaned.text.endswith("J Smith (Hilltown)")


def test_a_sentence_like_lead_is_not_a_caption() -> None:
    leads = [
        "Customers waiting on hold are getting impatient, a survey suggests.",
        "A gripping game between the two sides ended in a draw.",
        "After bubbling under for years, the dispute broke into the open.",
        "Regional banking giant Example Bank has sold its insurance arm.",
        "Forget about going to the summit to hear anything new.",
        "Northtown withstood a stunning comeback to win the cup.",
    ]
    for lead in leads:
        cleaned = clean_plain_text(page("Headline here", "", lead, "", LEAD))
        assert lead in cleaned.text, lead


@pytest.mark.parametrize(
    "caption",
    [
        "Putin listening at a meeting of leaders.",
        "Rahmon (centre) speaking during the talks in Dushanbe.",
        "Border guards patrolling near the river.",
        "Delegates arriving at the summit venue.",
        "Rahmon and Putin speaking to reporters in Dushanbe.",
    ],
)
def test_captions_between_the_header_and_the_lead_go(caption: str) -> None:
    cleaned = clean_plain_text(page("Border fears grow", "", "By Jane Doe", "", caption, "", LEAD))
    assert removed(cleaned)[caption] == "photo caption"
    assert caption not in cleaned.text


@pytest.mark.parametrize(
    "lines",
    [
        # a deck in headline style, no full stop
        ("Border fears grow", "", "Leaders weighing more help for the frontier", "", LEAD),
        # the headline's second line, straight under it
        ("In the south, leaders worried;", "Rahmon hoping for more help at the talks.", "", LEAD),
    ],
)
def test_decks_are_not_captions(lines: tuple[str, ...]) -> None:
    cleaned = clean_plain_text(page(*lines))
    assert cleaned.removed == ()
    assert lines[2] in cleaned.text


def test_hard_wrapped_text_is_put_back_into_paragraphs() -> None:
    text = page(
        "Leaders of the six member states met in the resort town on Monday to",
        "discuss the border, agreeing that the threat from the south had grown",
        "over the summer months. The host said the bloc would send more help.",
        "",
        "Officials said the matter would return at the next meeting. Observers",
        "were not convinced that the promises would be kept this time round,",
        "and said so.",
    )
    cleaned = clean_plain_text(page("Border fears grow", "", text))
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs[0] == "Border fears grow"
    assert paragraphs[1] == (
        "Leaders of the six member states met in the resort town on Monday to discuss the "
        "border, agreeing that the threat from the south had grown over the summer months. "
        "The host said the bloc would send more help."
    )
    assert paragraphs[2] == (
        "Officials said the matter would return at the next meeting. Observers were not "
        "convinced that the promises would be kept this time round, and said so."
    )
    assert cleaned.removed == ()


def test_a_hard_wrapped_headline_is_one_title() -> None:
    cleaned = clean_plain_text(
        page("Leaders of the bloc agree to send more help to the", "southern frontier", "", LEAD)
    )
    assert cleaned.title == "Leaders of the bloc agree to send more help to the southern frontier"


def test_furniture_words_inside_a_wrapped_sentence_stay() -> None:
    text = page(
        "The ministers spoke at length about the border and about what they called",
        "live",
        "ammunition stored near the river, which worried the delegations a great deal.",
    )
    cleaned = clean_plain_text(page("Border fears", "", text))
    assert "called live ammunition" in cleaned.text
    assert cleaned.removed == ()


def test_short_lines_and_lists_keep_their_breaks() -> None:
    text = page(
        "The survey named three reasons:",
        "- the work is part of the core business,",
        "- the risk of going abroad,",
        "- the damage to the brand.",
    )
    cleaned = clean_plain_text(page("Call centres stay at home", "", LEAD, "", text))
    assert text in cleaned.text


def test_markdown_marks_are_stripped() -> None:
    cleaned = clean_plain_text(
        page(
            "## Border **fears** grow",
            "",
            "Leaders of the *six* member states met in [the resort town](https://example.org) "
            "on Monday to discuss the border, agreeing that the threat had grown.",
            "",
            "> A quoted statement from the host, who spoke at length about the border.",
            "",
            "---",
            "",
            "`Closing` line of the article, which ends the text here.",
        )
    )
    assert cleaned.title == "Border fears grow"
    assert cleaned.text == "\n\n".join(
        [
            "Border fears grow",
            "Leaders of the six member states met in the resort town on Monday to discuss the "
            "border, agreeing that the threat had grown.",
            "A quoted statement from the host, who spoke at length about the border.",
            "Closing line of the article, which ends the text here.",
        ]
    )


def test_a_page_of_nothing_but_furniture_leaves_no_text() -> None:
    cleaned = clean_plain_text(page("Skip to main content", "Advertisement", "Share", "12"))
    assert cleaned.text == ""
    assert cleaned.title is None


def test_german_and_french_furniture_around_an_article() -> None:
    cleaned = clean_plain_text(
        page(
            "Zum Inhalt springen",
            "Anzeige",
            "",
            "Grenzgipfel in Sotschi",
            "",
            "Veröffentlicht am 23. September 2013, 14:07 Uhr",
            "",
            "Die Staatschefs der sechs Mitgliedstaaten trafen sich am Montag in Sotschi, um "
            "über die Grenze zu sprechen, und waren sich einig, dass die Bedrohung wächst.",
            "",
            "Diese Website verwendet Cookies. Wenn Sie die Website weiter nutzen, stimmen Sie "
            "der Verwendung von Cookies zu.",
            "Aller au contenu principal",
        )
    )
    assert cleaned.title == "Grenzgipfel in Sotschi"
    assert cleaned.published == dt.date(2013, 9, 23)
    assert cleaned.text.startswith("Grenzgipfel in Sotschi\n\nDie Staatschefs")
    assert cleaned.text.endswith("wächst.")


@pytest.mark.parametrize(
    "body_line",
    [
        '"We use cookies only where readers accept cookies, and this site has always '
        "complied,\" the publisher's spokesman said.",
        "Related: the regulator also opened an inquiry into two other news sites last month.",
        "Read more: the decision runs to forty pages and lists every tracker it found.",
    ],
)
def test_prose_that_looks_like_furniture_stays_in_the_body(body_line: str) -> None:
    cleaned = clean_plain_text(page("Publisher fined", "", LEAD, "", body_line, "", SECOND))
    assert body_line in cleaned.text
    assert all(line.text != body_line for line in cleaned.removed)


def test_a_cookie_banner_between_paragraphs_still_goes() -> None:
    banner = "We use cookies to improve your experience. By continuing you accept our policy."
    cleaned = clean_plain_text(page("Publisher fined", "", LEAD, "", banner, "", SECOND))
    assert banner not in cleaned.text
