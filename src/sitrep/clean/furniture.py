"""Page furniture: the lines of a page that are not the article.

A news page copied as text keeps its navigation, widgets, ads, credits and
notices. ``furniture_reason`` names what a line is when it is one of these, in
English, Russian, German, French and (for the commonest kinds) Spanish and
Ukrainian, and returns None for anything that may be article text: a line is only
taken out when it looks like nothing but furniture.

Some furniture is unmistakable wherever it stands ("Skip to main content",
"Advertisement", "Photo: TASS"). Other lines are furniture only around the
article: a bare "Search", "Home", "Live", "On"/"Off" or "12" is site chrome above
or below the article, but inside it a one-word line is far more likely a subhead
("Search", "Advertising" in a piece about Google) or part of a table. Callers say
whether the line stands inside the article body (``in_body``) and only the first
kind is recognised there.
"""

from __future__ import annotations

import re

# (reason, pattern, anywhere): ``anywhere`` is False for lines that are furniture only
# outside the article body. Every pattern must match the whole line (punctuation
# around it aside).
_WHOLE_LINE_PATTERNS: tuple[tuple[str, str, bool], ...] = (
    (
        "navigation",
        r"skip (?:to|navigation)(?: (?:the )?(?:main )?content)?|jump to (?:main )?content|"
        r"перейти к (?:основному )?(?:содержанию|контенту)|"
        r"(?:direkt )?zum (?:haupt)?inhalt(?: springen)?|aller au contenu(?: principal)?|"
        r"ir al contenido(?: principal)?",
        True,
    ),
    (
        "navigation",
        r"(?:all|latest|more|top|breaking|related) (?:news|stories|articles)|"
        r"все новости|последние новости|все материалы|"
        r"alle (?:nachrichten|meldungen)|toutes les actualités|todas las noticias|всі новини",
        True,
    ),
    (
        "navigation",
        r"(?:read (?:more|also|next)|see also|related|читайте также|читайте также:|"
        r"смотрите также|lesen sie auch|mehr zum thema|à lire aussi|lire aussi|"
        r"lea también|читайте також)(?:\s*:.{0,160})?",
        True,
    ),
    (
        "navigation",
        r"(?:next|previous|prev) (?:news|article|story|post)|"
        r"(?:следующая|предыдущая) (?:новость|статья)|(?:nächster|vorheriger) artikel|"
        r"article (?:suivant|précédent)|(?:siguiente|anterior) (?:noticia|artículo)|"
        r"наступна новина",
        True,
    ),
    (
        "navigation",
        r"home|menu|search|sign in|sign up|log ?in|log ?out|register|back to top|"
        r"most (?:read|popular|viewed|shared)|trending(?: now)?|(?:next|previous) ?[»›>]?|"
        r"главная|меню|поиск|войти|наверх|startseite|suche|anmelden|accueil|rechercher|"
        r"connexion|inicio|buscar",
        False,
    ),
    (
        "advertisement",
        r"advertisement|sponsored(?: content)?|promoted(?: content)?|partner content|"
        r"реклама|рекламный материал|на правах рекламы|anzeige|werbung|publicité|"
        r"publicidad|pubblicità|реклама на сайте",
        True,
    ),
    ("advertisement", r"advertising|ad|ads", False),
    (
        "live broadcast",
        r"live (?:broadcast|now|updates|stream|blog|ticker)|watch live|live-ticker|"
        r"прямой эфир|прямая трансляция|смотреть (?:прямой )?эфир|liveticker|en direct|en vivo",
        True,
    ),
    ("live broadcast", r"live|live tv|онлайн|эфир", False),
    (
        "share widget",
        r"(?:and )?share(?: (?:via|this|on \w+|(?:this )?(?:article|story|page|post)))?:?|"
        r"поделиться(?: в \w+)?:?|teilen|artikel teilen|partager(?: sur \w+)?|compartir|"
        r"поділитися",
        True,
    ),
    (
        "share widget",  # the buttons, after a label or not: "Share: Facebook | X | Email"
        r"(?:(?:share(?: (?:via|this(?: article| story)?))?|поделиться|teilen|partager)\s*:\s*)?"
        r"(?:(?:share|tweet|email|print|copy link|facebook|twitter|x|telegram|"
        r"whatsapp|vk|vkontakte|ok|linkedin|reddit|pinterest|viber|"
        r"email to a friend|send to a friend)[\s|·•/,]*){1,10}",
        True,
    ),
    (
        "toggle",
        r"select important|show more|show less|read less|expand|collapse|"
        r"выбрать важное|показать (?:ещё|еще|больше)|свернуть|развернуть|"
        r"mehr anzeigen|weniger anzeigen|afficher plus|voir plus",
        True,
    ),
    ("toggle", r"on|off|вкл|выкл|ein|aus", False),
    (
        "counter",
        r"\d{1,7}|\d[\d.,]*\s?[kmк]?\s?(?:comments?|views?|shares?|likes?|просмотр\w*|"
        r"комментари\w*)|comments|комментарии|kommentare|commentaires",
        False,
    ),
    (
        "comments",
        r"(?:add|leave|post|write) a comment|комментировать|оставить комментарий|"
        r"kommentieren|commenter|\d+ комментари\w*",
        True,
    ),
    (
        "subscription prompt",
        r"(?:subscribe|sign up) (?:to|for) (?:our|the) [\w -]{0,40}|"
        r"follow us(?: on [\w ]{1,30})?|join us on \w+|"
        r"подписывайтесь на (?:наш|нас)[\w «»\"-]{0,40}|подпишитесь на (?:наш|нас)[\w «»\"-]{0,40}|"
        r"folgen sie uns(?: auf \w+)?|abonnieren sie [\w ]{0,40}|"
        r"abonnez-vous(?: à)? [\w ]{0,40}|suivez-nous(?: sur \w+)?|síguenos(?: en \w+)?|"
        r"підписуйтесь на [\w «»\"-]{0,40}",
        True,
    ),
)
_WHOLE_LINE = [
    (reason, re.compile(rf"^[\W_]*(?:{pattern})[\W_]*$", re.IGNORECASE), anywhere)
    for reason, pattern, anywhere in _WHOLE_LINE_PATTERNS
]

# A credit or a caption label starts the line; the rest names the agency or author.
_PHOTO_CREDIT = re.compile(
    r"^\W*(?:photo(?:graph)?s?|image|picture|video|illustration|credit|фото|видео|"
    r"иллюстрация|источник фото|фото и видео|bild|foto|abbildung|crédit photo|"
    r"crédits? photo|illustration)(?: ?credit)?\s*[:/©|]",
    re.IGNORECASE,
)
# "Photo by Jane Doe/Reuters", "Фото пресс-службы Кремля".
_PHOTO_BYLINE = re.compile(
    r"^\W*(?:(?:photo(?:graph)?|image|фото|foto) (?:by|von|par|de)\s|фото пресс-службы\b)",
    re.IGNORECASE,
)
# A line that is nothing but a picture agency credit: "Getty Images", "AFP/Getty Images",
# "AP Photo/Jane Doe". Only the whole line: "Getty Images said on Monday..." is news.
_PICTURE_AGENCY = re.compile(
    r"^\W*(?:[\w .'-]{1,40}/\s?)?(?:getty images|shutterstock|ap photo|afp photo|"
    r"reuters photo|epa-efe|pool photo)(?:\s?/[\w .'-]{1,40})?\W*$",
    re.IGNORECASE,
)
_MAX_CREDIT_WORDS = 15
_COPYRIGHT = re.compile(
    r"^\W*(?:©|\(c\)|copyright\b|all rights reserved|все права защищены|"
    r"alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
    r"усі права захищені)",
    re.IGNORECASE,
)
_MAX_COPYRIGHT_WORDS = 30
_RIGHTS = re.compile(
    r"(?:19|20)\d\d|rights|права|rechte|droits|derechos|reserved|защищены",
    re.IGNORECASE,
)
# A cookie banner names cookies and speaks to the reader about this site: "we use",
# "this site", "by continuing you agree", "accept cookies". A sentence that only
# mentions cookies ("the regulator fined sites that set cookies without consent")
# does not address the reader, so it stays.
_COOKIE_WORD = re.compile(r"cookie|куки|кукис|файл\w* cookie", re.IGNORECASE)
_COOKIE_ADDRESS = re.compile(
    r"\bwe (?:and our partners )?use\b|\b(?:this|our) (?:web ?)?site\b|\bthis website\b|"
    r"\bby (?:continuing|using|clicking|browsing)\b|\byou (?:agree|accept|consent)\b|"
    r"\baccept(?: all)? cookies\b|\bcookie (?:settings|policy|preferences|notice)\b|"
    r"на (?:нашем|этом|данном) сайте|мы используем|продолжая|используя (?:наш|этот|данный) сайт|"
    r"\bwir verwenden\b|\bdiese (?:web)?seite\b|\bdiese website\b|\bwenn sie\b|"
    r"\bsie stimmen\b|\bnous utilisons\b|\bce site\b|\ben poursuivant\b|\bvous acceptez\b|"
    r"\butilizamos\b|\beste sitio\b|\bal continuar\b|ми використовуємо|на нашому сайті",
    re.IGNORECASE,
)
_MAX_NOTICE_WORDS = 80
_AUTHOR_CONTACT = re.compile(
    r"^\W*(?:contact the (?:author|writer|reporter)|e-?mail the (?:author|writer|reporter)|"
    r"write to the author|follow (?:him|her|them|the author) on|"
    r"(?:the )?(?:author|writer|reporter) can be (?:reached|contacted) at|"
    r"связаться с автором|напишите автору|написать автору|"
    r"kontakt zum autor|schreiben sie dem autor|contacter l'auteur|écrire à l'auteur)\b",
    re.IGNORECASE,
)
_EMAIL_ONLY = re.compile(r"^\W*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*$")
_MAX_CONTACT_WORDS = 20
_TAG_LABEL = re.compile(
    r"^\W*(?:tags|topics|keywords|теги|метки|ключевые слова|темы|schlagwörter|stichwörter|"
    r"themen|mots-clés|étiquettes|etiquetas|теги|мітки)\s*:",
    re.IGNORECASE,
)
_MAX_TAG_WORDS = 25


def furniture_reason(line: str, *, in_body: bool = False) -> str | None:
    """What kind of page furniture ``line`` is, or None if it may be article text.

    Args:
        line: one line of the page, Markdown stripped.
        in_body: the line stands inside the article body, where only furniture that
            is unmistakable anywhere is recognised (see the module docstring).
    """
    stripped = line.strip()
    if not stripped:
        return None
    for reason, pattern, anywhere in _WHOLE_LINE:
        if (anywhere or not in_body) and pattern.match(stripped):
            if in_body and _labels_prose(stripped):
                return None  # "Related: the regulator also opened an inquiry into ..."
            return reason
    words = len(stripped.split())
    if (
        _PHOTO_CREDIT.match(stripped)
        or _PHOTO_BYLINE.match(stripped)
        or _PICTURE_AGENCY.match(stripped)
    ) and words <= _MAX_CREDIT_WORDS:
        return "photo credit"
    if _COPYRIGHT.match(stripped) and words <= _MAX_COPYRIGHT_WORDS:
        # "© Jane Doe / AFP" under a picture credits the photographer; a notice of the
        # site's rights names a year or the rights.
        if stripped.lstrip().startswith("©") and not _RIGHTS.search(stripped):
            return "photo credit"
        return "copyright notice"
    if (_AUTHOR_CONTACT.match(stripped) and words <= _MAX_CONTACT_WORDS) or _EMAIL_ONLY.match(
        stripped
    ):
        return "author contact"
    if is_cookie_notice(stripped) and not (in_body and _QUOTED_SPEECH.search(stripped)):
        return "cookie notice"  # in the body, a quoted remark about cookies is news
    if _TAG_LABEL.match(stripped) and words <= _MAX_TAG_WORDS:
        return "tags"
    if not in_body and is_tag_line(stripped):
        return "tags"
    return None


def _labels_prose(line: str) -> bool:
    """Whether a labelled line ("Related: ...") carries a whole sentence after its label."""
    _label, _colon, rest = line.partition(":")
    return len(rest.split()) >= _MIN_PROSE_WORDS and bool(_ENDS_SENTENCE.search(rest))


def leads_to_another_story(line: str) -> bool:
    """A "next news" link: what follows it on the page is another story, never this one."""
    return bool(_NEXT_STORY.match(line.strip()))


_NEXT_STORY = re.compile(
    r"^[\W_]*(?:(?:next|previous|prev) (?:news|article|story|post)|"
    r"(?:следующая|предыдущая) (?:новость|статья)|(?:nächster|vorheriger) artikel|"
    r"article (?:suivant|précédent)|(?:siguiente|anterior) (?:noticia|artículo)|"
    r"наступна новина)[\W_]*$",
    re.IGNORECASE,
)


_MIN_PROSE_WORDS = 6
_ENDS_SENTENCE = re.compile(r"""[.!?…]["'”»’)\]]*\s*$""")
_QUOTED_SPEECH = re.compile(r"[\"“”«»„]|\b(?:said|says|told|according to)\b", re.IGNORECASE)


def is_cookie_notice(line: str) -> bool:
    """A cookie-consent banner in any language: it names cookies and addresses the reader."""
    return (
        bool(_COOKIE_WORD.search(line))
        and bool(_COOKIE_ADDRESS.search(line))
        and len(line.split()) <= _MAX_NOTICE_WORDS
    )


def is_tag_line(line: str) -> bool:
    """A run of lower-case keywords with no punctuation ("putin csto summit leaders").

    Article sentences and headings start with a capital and carry punctuation;
    keyword lists that pages print under a headline do neither. Inside an article
    body such a line is a fragment of a sentence (an italicised phrase a copy put on
    a line of its own: "joie de vivre"), which is why callers only ask outside it.
    """
    words = line.split()
    return (
        2 <= len(words) <= 12
        and all(word.isalpha() and word.islower() for word in words)
        and not line.rstrip().endswith((".", "!", "?", ":", ";", ","))
    )
