"""After publication: the published baseline and its addenda (issue 21, docs/publishing.md).

* :mod:`.record` — what the file holds (schema 5 tables ``publication``,
  ``published_documents``, ``addenda``, ``addendum_questions``, ``addendum_changes``) as
  frozen dataclasses: :func:`.record.read` gives a :class:`.record.Record`.
* :mod:`.publish` — "Mark as published": the date, the model as published, its OCDS
  release and the published documents themselves (attached or exported), each with
  its SHA-256; undo never goes back past it, and the store then refuses edits of the
  baseline outside an addendum (``project_file/baseline.py``).
* :mod:`.addenda` — drafts, questions and answers (the asker withheld), changes (a date
  moved, a text or a clause changed), the closing extended by the Town's rule, the
  price workbook replaced when the price form changed, and issuing. A draft's rows are
  journalled (``ProjectFile.put_record_row``): undo takes them back.

These tables are not entity lists of the model: the tender's model stays what the
wizard edits, and the record of the call sits beside it in the same file. Every
function takes the open ``ProjectFile``; errors a user can meet are
:class:`PublishingError`, whose ``str`` is bilingual and whose ``text`` / ``params``
the app translates.
"""

from __future__ import annotations

from wizard.core.i18n import bilingual


class PublishingError(ValueError):
    """A publishing action refused (nothing saved): ``text`` is an English message id
    (French in ``core.po``), ``params`` fill its placeholders; ``str`` is bilingual."""

    def __init__(self, text: str, **params: object) -> None:
        self.text = text
        self.params = params
        super().__init__(bilingual(text, **params))
