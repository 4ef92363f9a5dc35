"""Page furniture: the lines of a page that are not the article.

A news page copied as text keeps its navigation, widgets, ads, credits and
notices. ``furniture_reason`` names what a line is when it is one of these, in
any of the languages we meet, and returns None for anything that may be article
text: a line is only taken out when it looks like nothing but furniture.
"""

from __future__ import annotations

import re

_WHOLE_LINE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("navigation", r"skip (?:to|navigation)(?: (?:main )?content)?|jump to (?:main )?content"),
    ("navigation", r"(?:all|latest|more|top|breaking|related) (?:news|stories|articles)"),
    ("navigation", r"home|menu|search|subscribe|sign in|sign up|log ?in|register|back to top"),
    ("navigation", r"read (?:more|also|next)|see also|most (?:read|popular|viewed)|trending"),
    ("navigation", r"(?:next|previous|prev) (?:news|article|story|post)|(?:next|previous) ?[»›>]?"),
    (
        "navigation",
        r"все новости|главная|меню|поиск|читайте также|(?:следующая|предыдущая) новость",
    ),
    ("navigation", r"toutes les actualités|alle nachrichten|todas las noticias"),
    (
        "advertisement",
        r"advertisement|advertising|ad|sponsored(?: content)?|promoted|partner content",
    ),
    ("advertisement", r"реклама|anzeige|werbung|publicité|publicidad|pubblicità"),
    (
        "live broadcast",
        r"live(?: broadcast| now| tv| blog| updates| stream)?|watch live|прямой эфир",
    ),
    ("share widget", r"(?:and )?share(?: (?:via|this|on \w+|article|story))?:?|поделиться:?"),
    (
        "share widget",  # the buttons, after a label or not: "Share: Facebook | X | Email"
        r"(?:(?:share(?: (?:via|this(?: article| story)?))?|поделиться)\s*:\s*)?"
        r"(?:(?:share|tweet|email|print|copy link|facebook|twitter|x|telegram|"
        r"whatsapp|vk|ok|linkedin)[\s|·•/]*){1,8}",
    ),
    (
        "toggle",
        r"on|off|select important|show more|show less|expand|collapse|вкл|выкл|"
        r"выбрать важное|подписаться",
    ),
    ("counter", r"\d{1,7}|\d{1,7} (?:comments?|views?|shares?|likes?)|комментарии|comments"),
    ("comments", r"(?:add|leave|post) a comment|комментировать|\d+ комментари\w*"),
)
_WHOLE_LINE = [
    (reason, re.compile(rf"^\W*(?:{pattern})\W*$", re.IGNORECASE))
    for reason, pattern in _WHOLE_LINE_PATTERNS
]

# A credit or a caption label starts the line; the rest names the agency or author.
_PHOTO_CREDIT = re.compile(
    r"^\W*(?:photo(?:graph)?s?|image|picture|video|illustration|credit|фото|видео|"
    r"иллюстрация|источник фото|bild|foto)(?: ?credit)?\s*[:/©|]",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^\W*(?:©|\(c\)|copyright\b|all rights reserved)", re.IGNORECASE)
_COOKIE_WORD = re.compile(r"cookie|куки|кукис", re.IGNORECASE)
_CONSENT_WORDS = re.compile(
    r"accept|agree|consent|polic|continu|privacy|settings|согла|использ|продолжая|"
    r"akzept|zustimm|datenschutz|accepte|utilis|acept|utiliz",
    re.IGNORECASE,
)
_AUTHOR_CONTACT = re.compile(
    r"^\W*(?:contact the (?:author|writer|reporter)|e-?mail the (?:author|writer|reporter)|"
    r"write to the author|follow (?:him|her|them|the author) on|связаться с автором|"
    r"напишите автору)\b",
    re.IGNORECASE,
)
_EMAIL_ONLY = re.compile(r"^\W*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*$")
_MAX_NOTICE_WORDS = 80


def furniture_reason(line: str) -> str | None:
    """What kind of page furniture ``line`` is, or None if it may be article text."""
    stripped = line.strip()
    if not stripped:
        return None
    for reason, pattern in _WHOLE_LINE:
        if pattern.match(stripped):
            return reason
    if _PHOTO_CREDIT.match(stripped) and len(stripped.split()) <= 15:
        return "photo credit"
    if _COPYRIGHT.match(stripped) and len(stripped.split()) <= 30:
        return "copyright notice"
    if _AUTHOR_CONTACT.match(stripped) or _EMAIL_ONLY.match(stripped):
        return "author contact"
    if is_cookie_notice(stripped):
        return "cookie notice"
    if is_tag_line(stripped):
        return "tags"
    return None


def is_cookie_notice(line: str) -> bool:
    """A cookie-consent banner in any language: it names cookies and asks for consent."""
    return (
        bool(_COOKIE_WORD.search(line))
        and bool(_CONSENT_WORDS.search(line))
        and len(line.split()) <= _MAX_NOTICE_WORDS
    )


def is_tag_line(line: str) -> bool:
    """A run of lower-case keywords with no punctuation ("putin csto summit leaders").

    Article sentences and headings start with a capital and carry punctuation;
    keyword lists that pages print under a headline do neither.
    """
    words = line.split()
    return (
        2 <= len(words) <= 12
        and all(word.isalpha() and word.islower() for word in words)
        and not line.rstrip().endswith((".", "!", "?", ":", ";", ","))
    )
