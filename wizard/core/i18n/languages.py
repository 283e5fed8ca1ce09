"""Which languages a tender is published in, and which language the user's texts are in.

The project's settings ``info.tender_languages`` ("fr", "en", "both") and
``info.binding_language`` ("fr", "en") are read here and nowhere else, with one rule
for a value outside its set (a hand-edited or foreign file keeps it as stored, and the
checks PR-LANGUAGES and PR-BINDING-LANGUAGE report it):

* ``tender_languages(project) -> list[Language]``: "both" → ``["fr", "en"]``, "fr" or
  "en" → that one; anything else → the one language of :func:`binding_language`.
* ``binding_language(project) -> Language``: the legally binding version. A one-language
  tender's own language (whatever ``binding_language`` says); for a bilingual tender,
  or when the tender languages are unknown, ``binding_language`` when it is "fr" or
  "en", else French.

Values are compared exactly, as the checks compare them (" FR" is not "fr").

The tender languages are what the Town publishes. Exporting a language the tender is
not published in (``main.py export --lang both`` on a French-only project) gives a
*translation for information*: its cover, its header and its language clause say that
the binding version alone binds, and the published version's language clause says the
same of that translation (docs/documents.md, "Languages"). Exporting never changes what
is published, so no two documents of one export state different languages.

* ``is_translation(project, lang) -> bool``: whether the copy in ``lang`` is a
  translation for information (``lang`` is not a tender language).
* ``translation_languages(project, langs) -> list[Language]``: the languages of ``langs``
  (one export) whose copies are translations for information.

The app translates its own fixed text (headings, rules, clauses) into French and
English. The texts the user typed (need, criteria, scenarios …) hold their version in
the project's *text language* (``info.text_language``) and their other version in the
list ``translations`` (docs/bilingual.md); a document in a language that lacks some
prints a bilingual marker there, and the CLI and the app warn about it
(:func:`untranslated_languages`).

* ``text_language(project) -> Language``: the language the fields hold ("fr" or "en";
  French for a value outside the set).
* ``typed_language(project) -> Language``: "fr" or "en", told from the words of the
  texts (a guess, for files older than ``text_language``'s checks).
* ``untranslated_languages(project, langs) -> list[str]``: the languages of ``langs``
  whose documents lack the version of some text (``model.translatable.missing``).

Guide principle (transparency): every supplier reads the same call for tenders, and it
says which version is legally binding.
"""

from __future__ import annotations

import re

from wizard.core.model import Project
from wizard.core.model.choices import LANGUAGES, Language

_WORDS = re.compile(r"[a-zàâçéèêëîïôûùüÿœ']+")
_FRENCH = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "un",
        "une",
        "est",
        "et",
        "pour",
        "avec",
        "dans",
        "sur",
        "au",
        "aux",
        "par",
        "qui",
        "que",
        "ne",
        "pas",
        "son",
        "sa",
        "ses",
        "leur",
        "nous",
        "doit",
        "être",
        "chaque",
        "sont",
        "ou",
        "à",
        "l'",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "a",
        "an",
        "is",
        "and",
        "for",
        "with",
        "in",
        "on",
        "of",
        "to",
        "by",
        "which",
        "that",
        "not",
        "its",
        "their",
        "we",
        "must",
        "be",
        "each",
        "are",
        "or",
        "at",
        "from",
        "this",
    ]
)


def binding_language(project: Project) -> Language:
    """The legally binding version of the tender (module docstring: the one rule)."""
    info = project.info
    if info.tender_languages in LANGUAGES:
        return info.tender_languages
    if info.binding_language in LANGUAGES:
        return info.binding_language
    return "fr"


def tender_languages(project: Project) -> list[Language]:
    """The languages the tender is published in, in order: ``["fr", "en"]`` for a
    bilingual tender, else the one of :func:`binding_language` (module docstring)."""
    if project.info.tender_languages == "both":
        return list(LANGUAGES)
    return [binding_language(project)]


def is_bilingual(project: Project) -> bool:
    """Whether the tender is published in French and English."""
    return len(tender_languages(project)) > 1


def _typed_texts(project: Project) -> list[str]:
    texts = [project.problem.statement, project.problem.context, project.problem.request_as_received]
    texts += [c.text for c in project.criteria]
    texts += [f"{s.title} {s.context} {s.steps} {s.expected_result}" for s in project.scenarios]
    return [t for t in texts if t.strip()]


def typed_language(project: Project) -> Language:
    """ "fr" or "en": the language of the need, criteria and scenarios, told from their
    most common short words; the project's own language setting when they say nothing."""
    french = english = 0
    for text in _typed_texts(project):
        for word in _WORDS.findall(text.lower().replace("’", "'")):
            french += word in _FRENCH
            english += word in _ENGLISH
    if french + english >= 5 and max(french, english) >= 2 * min(french, english):
        return "fr" if french > english else "en"
    return binding_language(project)


def text_language(project: Project) -> Language:
    """The language the translatable fields hold (``info.text_language``; French for a
    value outside "fr"/"en", kept from a hand-edited file)."""
    from wizard.core.model.translatable import source_language

    return source_language(project)


def untranslated_languages(project: Project, langs: list[str]) -> list[str]:
    """The languages of ``langs`` ("fr"/"en") whose documents lack the version of some
    text (they print ``translatable.MARKER`` there): ``["en"]`` for a French project
    with no translation exported in both languages, ``[]`` when the user has typed
    nothing yet or every text has its version."""
    from wizard.core.model.translatable import missing

    return [lang for lang in langs if missing(project, lang)]


def is_translation(project: Project, lang: str) -> bool:
    """Whether the tender's copy in ``lang`` ("fr"/"en") is a translation for information:
    ``lang`` is not one of the languages the tender is published in."""
    return lang not in tender_languages(project)


def translation_languages(project: Project, langs: list[str]) -> list[Language]:
    """The languages of ``langs`` (those exported together) whose copies are
    translations for information, in :data:`LANGUAGES` order: ``["en"]`` for a
    French-only tender exported in both languages, ``[]`` for a bilingual tender."""
    return [lang for lang in LANGUAGES if lang in langs and is_translation(project, lang)]


_WRITTEN_AMBIGUOUS = frozenset(["a", "an", "on", "or", "son", "sa", "ne", "que", "pas", "est"])
"""Words of :data:`_FRENCH` or :data:`_ENGLISH` that the other language also writes or
abbreviates (« il a », « on », « or », "son", "pas de deux", "2 p.m. EST", "NE corner",
"que" in a query): they tell neither language apart in one short text."""
_WRITTEN = {
    "fr": (_FRENCH | {"oui", "non", "il", "elle", "ils", "nous", "vous", "sera", "peut", "heures", "jour"})
    - _WRITTEN_AMBIGUOUS,
    "en": (_ENGLISH | {"yes", "no", "it", "will", "can", "does", "do", "has", "have", "hours", "day"})
    - _WRITTEN_AMBIGUOUS,
}


def written_language(text: str) -> Language | None:
    """ "fr" or "en" when the words of ``text`` (one question, one answer) are plainly of
    that language: at least two of its common short words ("the", "for", "yes" / « le »,
    « pour », « oui ») and at least three times as many as of the other's; ``None`` when
    they say too little or both (a French sentence quoting an English title). A name or a
    figure is no word of either."""
    french = english = 0
    for word in _WORDS.findall(text.lower().replace("’", "'")):
        french += word in _WRITTEN["fr"]
        english += word in _WRITTEN["en"]
    for lang, mine, other in (("fr", french, english), ("en", english, french)):
        if mine >= 2 and mine >= 3 * other:
            return "fr" if lang == "fr" else "en"
    return None
