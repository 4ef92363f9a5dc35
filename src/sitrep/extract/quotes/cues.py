"""The words that attribute speech: which verbs introduce what someone said or holds.

Three families, because they license different things:

- ``SPEECH``: saying in any manner ("said", "told", "stressed", "warned", "tweeted").
  They attribute a quotation next to them and a reported clause after them.
- ``THOUGHT``: holding a view ("believes", "thinks", "expects", "fears"). Analysts
  read "the expert believes that ..." as the expert's position; these attribute a
  reported clause, never a quotation on their own.
- ``EVIDENCE``: a document or study stating something ("the report shows that ...").

``TO_INFINITIVE`` are speech acts whose content is an infinitive clause
("urged the member states to pass from words to deeds").
"""

from __future__ import annotations


def words(table: str) -> frozenset[str]:
    """A word list written as running text, one table per line of thought."""
    return frozenset(table.split())


SPEECH = words(
    """
    say tell add note stress emphasize emphasise underline underscore urge warn point
    conclude explain announce declare state report write tweet post ask reply respond
    answer claim insist argue suggest acknowledge admit deny confirm recall reiterate
    repeat vow pledge promise predict propose accuse criticize criticise praise describe
    call comment remark assert maintain contend observe mention quote cite testify inform
    complain boast joke concede caution affirm allege demand threaten proclaim shout
    yell whisper blast slam dismiss reveal disclose recount highlight signal estimate
    agree counter object protest lament admonish advise assure recommend brief
    continue express voice question wonder tout hail speak
    exclaim chant quip scream sing read retort interject muse
    """
)
THOUGHT = words(
    """
    believe think feel expect hope fear know doubt worry assume reckon suspect consider
    understand realize realise figure guess anticipate
    """
)
EVIDENCE = words("show find indicate demonstrate suggest reveal conclude estimate")
REPORTING = SPEECH | THOUGHT | EVIDENCE

# Taking a position on something: "backed the programme", "opposed the intervention",
# "sought assurances". Not speech, but the source's stance, which analysts track
# beside what was said; the content is what the verb governs, not a clause.
STANCE = words(
    """
    support endorse back oppose reject condemn denounce defend attack blame mock deride
    praise applaud favor favour seek request refuse demand
    vouch extol slam fault
    """
)

# Speech acts whose content may be an infinitive: "urged X to ...", "vowed to ...".
TO_INFINITIVE = words(
    """
    urge call ask warn vow pledge promise threaten propose agree refuse decline demand
    advise recommend appeal invite encourage instruct order
    """
)

# Speech verbs whose object is who was spoken to: "told reporters", "informed the council".
ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief", "assure", "advise", "warn", "remind"})

# Verbs that attribute speech only with a quotation next to them ('"...," he
# continued'); with a clause after them they mean something else ("continued to ...").
QUOTATION_ONLY = frozenset({"continue", "read", "sing", "chant"})

# The verb names a title, not speech: an exercise 'called "Channel"'.
NAMING = frozenset({"call", "name", "dub", "title", "entitle", "label", "brand", "nickname"})

# Nouns that make an organisation's spokesman of whatever they attach to:
# "the press service of the Tajik president", "the Kremlin's press office".
SPOKES_NOUNS = words(
    """
    service office secretariat statement representative ministry department
    delegation administration government agency committee headquarters
    """
)

# Heads of a speaker phrase that name a person without naming who: "the expert",
# "the Defence Ministry's official", "the commander of the border troops".
PERSON_NOUNS = words(
    """
    expert official spokesman spokeswoman spokesperson analyst researcher commander
    president minister leader head chief secretary diplomat envoy ambassador
    general officer aide adviser advisor director chairman chairwoman source
    observer politician lawmaker senator deputy governor mayor premier candidate
    """
)

PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})
