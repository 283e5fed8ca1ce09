"""Search the project's own texts (Edit ▸ Find, Ctrl+F).

Every text the user typed is a ``str`` attribute of a section or of an entity row, or
the other language's version of one (``translations``); a hit gives the address of the
field that holds it, the same address the findings use (``problem.statement``,
``criteria:3.text``), so the app focuses it as it focuses a finding's field. A version
in the other language points at its text's own address.

Matching ignores case and accents ("evaluation" finds « Évaluation »), and every word
of the query must occur in the text, in any order. Choice values (``Literal`` keys such
as ``"mandatory"``) are not texts and are not searched.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from wizard.core.model import ENTITIES, SECTIONS, Project
from wizard.core.model.choices import choice_fields
from wizard.core.project_file import codec

MAX_HITS = 200
SNIPPET_CHARS = 70


@dataclass(frozen=True)
class Hit:
    """One text that matches: ``address`` of its field, ``lang`` ('' for the field's
    own text, "fr"/"en" for a version in that language), and ``snippet``, the text
    around the first word found, on one line."""

    address: str
    lang: str
    snippet: str


def fold(text: str) -> str:
    """``text`` without case or accents, for comparing ("Évaluation" → "evaluation")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search(project: Project, query: str, limit: int = MAX_HITS) -> list[Hit]:
    """The texts of ``project`` holding every word of ``query``, in the order of the
    steps' data (sections, then each list in its order, then translations); at most
    ``limit``. An empty query finds nothing."""
    words = fold(query).split()
    if not words:
        return []
    hits: list[Hit] = []
    for address, lang, text in _texts(project):
        folded = fold(text)
        if all(word in folded for word in words):
            hits.append(Hit(address, lang, _snippet(text, folded.find(words[0]))))
            if len(hits) >= limit:
                break
    return hits


def _text_fields(cls: type) -> list[str]:
    """The attributes of a model dataclass that hold a text (not a choice's key)."""
    choices = choice_fields(cls)
    return [name for name, kind in codec.field_types(cls).items() if kind is str and name not in choices]


def _texts(project: Project) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    for name, cls in SECTIONS.items():
        section = getattr(project, name)
        for attribute in _text_fields(cls):
            value = getattr(section, attribute)
            if value.strip():
                found.append((f"{name}.{attribute}", "", value))
    for kind_name, cls in ENTITIES.items():
        if kind_name == "translations":
            continue
        names = _text_fields(cls)
        for row in project.rows(kind_name):
            for attribute in names:
                value = getattr(row, attribute)
                if value.strip():
                    found.append((f"{kind_name}:{row.id}.{attribute}", "", value))
    for translation in project.translations:
        if translation.text.strip():
            found.append((translation.address, translation.lang, translation.text))
    return found


def _snippet(text: str, at: int) -> str:
    """About :data:`SNIPPET_CHARS` characters of ``text`` around position ``at`` (of
    the folded text, which keeps the positions of a text without combining marks)."""
    one_line = " ".join(text.split())
    if len(one_line) <= SNIPPET_CHARS:
        return one_line
    start = max(0, min(at, len(one_line)) - SNIPPET_CHARS // 3)
    piece = one_line[start : start + SNIPPET_CHARS]
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(one_line) else "")
