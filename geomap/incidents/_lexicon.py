"""The event lexicon: ``data/triggers.toml`` read into every written form of its words.

The file lists dictionary forms ("shell", "clash", "open fire"); lemminflect, a
registry library that ships its English inflection tables inside its wheel, gives
every form of each (shells, shelled, shelling; clashes; opened fire) with its Penn
tag, so no suffix rules are written here. All forms go into one Aho-Corasick
automaton (pyahocorasick): a text is scanned once, whatever the lexicon's size.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import GeomapError
from ._model import EVENT_TYPES

__all__ = ["Entry", "Lexicon", "lexicon"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``[[event]]`` of the lexicon file."""

    index: int
    event_type: str
    sub_event_type: str
    strength: int
    preps: tuple[str, ...]
    intransitive: bool
    casualty: bool
    not_next: frozenset[str]
    not_prev: frozenset[str]
    when: tuple[dict[str, Any], ...]
    needs: tuple[frozenset[str], ...]  # for an entry of strength 0: the classes each strong condition needs
    fires: str
    fires_as: str
    quiet: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The entries, the automaton of their forms and the word-class patterns."""

    entries: tuple[Entry, ...]
    automaton: Any
    classes: dict[str, re.Pattern[str]]


_CONDITION_KEYS = frozenset({"target", "agent", "weapon", "scene", "form", "type", "sub", "strength"})
_ENTRY_KEYS = frozenset({"verbs", "nouns", "phrases", "words", "type", "sub", "strength", "preps", "not_next",
                         "not_prev", "when", "fires", "fires_as", "quiet", "intransitive", "casualty"})


def _inflections(word: str, upos: str) -> dict[str, tuple[str, ...]]:
    import lemminflect

    forms = lemminflect.getAllInflections(word, upos=upos)
    if not forms:
        forms = lemminflect.getAllInflectionsOOV(word, upos=upos)
    return forms


def _verb_forms(lemma: str) -> dict[str, str]:
    """Every form of a verb or verb phrase -> Penn tag. A phrase inflects its first word that
    the dictionary knows as a verb ("open fire" -> "opened fire", "sexually abuse" -> "sexually
    abused")."""
    import lemminflect

    words = lemma.split(" ")
    k = next((i for i, w in enumerate(words) if lemminflect.getAllInflections(w, upos="VERB")), 0)
    out: dict[str, str] = {}
    for tag in ("VBG", "VBZ", "VB", "VBP", "VBN", "VBD"):  # later tags win: "killed" is VBD
        for form in _inflections(words[k], "VERB").get(tag, ()):
            out[" ".join(words[:k] + [form] + words[k + 1:]).lower()] = "VBD" if tag == "VBN" else tag
    out.setdefault(lemma.lower(), "VB")
    return out


def _noun_forms(lemma: str) -> dict[str, str]:
    """Singular and plural of a noun or noun phrase (its last word inflected)."""
    words = lemma.split(" ")
    out = {lemma.lower(): "NN"}
    last = words[-1]
    if last[-1:].isalpha():
        for form in _inflections(last, "NOUN").get("NNS", ()):
            if form.lower() != last.lower():
                out.setdefault(" ".join(words[:-1] + [form]).lower(), "NNS")
    return out


def _class_pattern(words: list[str], any_case: bool = False) -> re.Pattern[str]:
    """One pattern for a word class, singular and plural, names in their written case."""
    lower: set[str] = set()
    cased: set[str] = set()
    for w in words:
        if w == "[A-Z]":
            cased.add(r"(?<![\s\S])(?:the\s+)?(?:[a-z]+\s+)?[A-Z][a-z][\w'’-]*")  # a name opening the phrase
            continue
        target = cased if any(c.isupper() for c in w) else lower
        forms = {w} if any(c.isupper() for c in w) else set(_noun_forms(w))
        target.update(re.escape(f) for f in forms)
    parts = []
    if lower:
        # common words in lower case, or capitalised where a phrase or line begins, or in capitals;
        # a capitalised word inside a phrase is a name ("the Houston Rockets", "BP and Shell")
        words_re = "|".join(sorted(lower, key=len, reverse=True))
        parts.append(r"\b(?:" + words_re + r")\b" if not any_case else r"(?i:\b(?:" + words_re + r")\b)")
        parts.append(r"(?:^|(?<=[.!?:;\n\"“(]\s))\s*(?i:(?:" + words_re + r"))\b")
        parts.append(r"\b(?:" + words_re.upper() + r")\b")
    if cased:
        parts.append(r"\b(?:" + "|".join(sorted(cased, key=len, reverse=True)) + r")\b")
    return re.compile("|".join(parts) or r"(?!)")


def _check_entry(i: int, raw: dict[str, Any]) -> None:
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise GeomapError(f"triggers.toml event {i}: unknown keys {sorted(unknown)}")
    for cond in [raw] + list(raw.get("when", ())):
        etype = cond.get("type", raw["type"])
        sub = cond.get("sub", raw["sub"])
        if sub not in EVENT_TYPES.get(etype, ()):
            raise GeomapError(f"triggers.toml event {i}: {etype!r} has no sub-event type {sub!r}")
    for cond in raw.get("when", ()):
        if cond.get("form", "toll") not in ("toll", "passive"):
            raise GeomapError(f"triggers.toml event {i}: form must be 'toll' or 'passive', not {cond['form']!r}")
        if set(cond) - _CONDITION_KEYS:
            raise GeomapError(f"triggers.toml event {i}: unknown condition keys {sorted(set(cond) - _CONDITION_KEYS)}")


def _needs(raw: dict[str, Any]) -> tuple[frozenset[str], ...]:
    """The word classes each condition that makes the entry an event needs: an entry of
    strength 0 is skipped at once in a text that holds none of them."""
    if int(raw.get("strength", 2)) > 0:
        return ()
    return tuple(frozenset(str(c[k]) for k in ("target", "agent", "weapon", "scene") if k in c)
                 for c in raw.get("when", ()) if int(c.get("strength", 0)) > 0)


def build(data: dict[str, Any]) -> Lexicon:
    """A :class:`Lexicon` from the parsed lexicon file.

    Examples
    --------
    >>> lex = build({"event": [{"verbs": ["shell"], "type": "Explosions/Remote violence",
    ...   "sub": "Shelling/artillery/missile attack", "strength": 2}], "classes": {}, "weapons": {}})
    >>> sorted(k for k, _ in lex.automaton.items())
    [' shell', ' shelled', ' shelling', ' shells']
    """
    import ahocorasick

    forms: dict[str, list[tuple[int, str, str]]] = {}
    entries = []
    for i, raw in enumerate(data.get("event", ())):
        _check_entry(i, raw)
        entries.append(Entry(i, raw["type"], raw["sub"], int(raw.get("strength", 2)), tuple(raw.get("preps", ())),
                             bool(raw.get("intransitive", False)), bool(raw.get("casualty", False)),
                             frozenset(raw.get("not_next", ())), frozenset(raw.get("not_prev", ())),
                             tuple(raw.get("when", ())), _needs(raw), raw.get("fires", ""), raw.get("fires_as", ""),
                             raw.get("quiet", "")))
        expanded: list[tuple[str, str, str]] = []
        for lemma in [*raw.get("verbs", ()), *raw.get("phrases", ())]:
            expanded += [(f, tag, lemma) for f, tag in _verb_forms(lemma).items()]
        for lemma in raw.get("nouns", ()):
            expanded += [(f, tag, lemma) for f, tag in _noun_forms(lemma).items()]
        expanded += [(w.lower(), "NN", w) for w in raw.get("words", ())]
        for form, tag, lemma in expanded:
            forms.setdefault(form, []).append((i, tag, lemma))
    auto = ahocorasick.Automaton()
    for form, hits in forms.items():
        auto.add_word(" " + form, (len(form), tuple(hits)))
    auto.make_automaton()
    any_case = set(data.get("any_case", ()))
    classes = {name: _class_pattern(words, name in any_case) for table in ("classes", "weapons")
               for name, words in data.get(table, {}).items()}
    return Lexicon(tuple(entries), auto, classes)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, read once."""
    text = resources.files("geomap.incidents").joinpath("data/triggers.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - the shipped file is tested
        raise GeomapError(f"triggers.toml: {exc}") from exc
    return build(data)
