"""The gazetteer: every known organization, country and person, with the names that point to it.

Entries come from data files shipped in `diplotext/resources` (`orgs.json`, `persons.json`,
`countries.json`, `places.json`) and from pycountry (ISO 3166 codes and names, English and
Russian). A user file can add or override entries (`load_gazetteer(extra=PATH)`); a malformed one
is refused with an error that names the entry and the field.

Names come in four strengths:

- ``names``: full names, matched case-insensitively (English) or on normal forms (Russian);
  a name written with a capital letter only matches a capitalized mention ('Turkey', not 'turkey');
- ``acronyms``: matched exactly as written (CSTO, US, ООН);
- ``metonyms``: capitals, reported for their state only where they stand for its government;
- ``short``: names that are ambiguous on their own (a person's surname 'Rice', an organ's short
  name 'Security Council'): kept only when the document supports them (see `entities/support.py`).
"""

from __future__ import annotations

import gettext
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from ..lang import LANGUAGES
from ..resources import load_json

ENTITY_TYPES = ("ORG", "COUNTRY", "PERSON", "TREATY", "DOCUMENT", "LOCATION", "EVENT")
LANGS = LANGUAGES
"""The languages whose names an entry holds (diplotext's languages)."""


@dataclass(frozen=True)
class GazetteerEntry:
    """One canonical entity and the names that refer to it."""

    id: str
    type: str
    name: str
    names: dict[str, tuple[str, ...]]
    """Case-insensitive names per language ("en", "ru")."""
    acronyms: tuple[str, ...] = ()
    """Case-sensitive forms (CSTO, US, ООН): matched only as written."""
    attributes: dict[str, str] = field(default_factory=dict)
    metonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Names that stand for the entity by metonymy (capitals for states), per language."""
    short: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Ambiguous names per language (a surname, an organ's short name), kept only with support."""
    support: tuple[str, ...] = ()
    """Ids whose mention in the same document supports a short name (the parent organization)."""
    surname: dict[str, str] = field(default_factory=dict)
    """A person's surname per language, to link later surname-only mentions."""
    reported: bool = True
    """False for places that only stop a country's name from matching inside theirs."""


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, GazetteerEntry]

    def get(self, id: str) -> GazetteerEntry | None:
        return self.entries.get(id)

    def __len__(self) -> int:
        return len(self.entries)


# --- validation ------------------------------------------------------------------------------


def _require(entry: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...] = str) -> Any:
    if key not in entry:
        raise GazetteerError(f"{where}: missing field {key!r}")
    value = entry[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise GazetteerError(f"{where}: field {key!r} must be a non-empty {getattr(kind, '__name__', kind)}, got {value!r}")
    return value


def _string_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(n, str) and n.strip() for n in value):
        raise GazetteerError(f"{where}: field {key!r} must be a list of non-empty strings")
    return tuple(value)


def _per_language(entry: dict[str, Any], key: str, where: str) -> dict[str, tuple[str, ...]]:
    value = entry.get(key, {})
    if isinstance(value, list):
        value = {"en": value}
    if not isinstance(value, dict):
        raise GazetteerError(f"{where}: field {key!r} must be an object of language -> list of names")
    out: dict[str, tuple[str, ...]] = {}
    for lang, names in value.items():
        out[lang] = _string_list(names, where, f"{key}.{lang}")
    return out


def _optional_str(entry: dict[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise GazetteerError(f"{where}: field {key!r} must be a non-empty string")
    return value


def entry_from_dict(entry: Any, where: str, default_type: str | None = None) -> GazetteerEntry:
    """Validate one gazetteer record (as in the packaged JSON files) and build the entry."""
    if not isinstance(entry, dict):
        raise GazetteerError(f"{where}: an entry must be an object, got {type(entry).__name__}")
    id_ = _require(entry, "id", where)
    where = f"{where} (id {id_!r})"
    type_ = entry.get("type", default_type)
    if type_ not in ENTITY_TYPES:
        raise GazetteerError(f"{where}: field 'type' must be one of {', '.join(ENTITY_TYPES)}, got {type_!r}")
    name = _require(entry, "name", where)
    names = _per_language(entry, "aliases", where)
    short = _per_language(entry, "context_aliases", where)
    metonyms = _per_language(entry, "metonyms", where)
    acronyms = _string_list(entry.get("acronyms", []), where, "acronyms")
    for key in ("kind", "parent", "office", "country", "patronymic"):
        _optional_str(entry, key, where)
    if "standalone" in entry and not isinstance(entry["standalone"], bool):
        raise GazetteerError(f"{where}: field 'standalone' must be true or false")
    if entry.get("surname") is not None:
        _optional_str(entry, "surname", where)
    countries = entry.get("countries")
    if countries is not None:
        _string_list(countries, where, "countries") if countries else None
    attributes = {k: str(entry[k]) for k in ("kind", "parent", "office", "country") if entry.get(k)}
    if countries is not None:
        attributes["countries"] = " ".join(countries)
    surname: dict[str, str] = {}
    if type_ == "PERSON":
        names, short, surname = _person_names(entry, name, names)
    else:
        names["en"] = tuple(dict.fromkeys((name, *names.get("en", ()))))
    parent = entry.get("parent")
    return GazetteerEntry(
        id=id_,
        type=type_,
        name=name,
        names=names,
        acronyms=acronyms,
        attributes=attributes,
        short=short,
        metonyms=metonyms,
        support=(parent, id_) if parent else (id_,),
        surname=surname,
    )


# --- persons: the forms a name takes ---------------------------------------------------------


def _initials(given: str) -> list[str]:
    """'Vladimir' -> ['V.'], 'Kassym-Jomart' -> ['K.-J.']."""
    parts = [p for p in given.split("-") if p]
    return ["-".join(p[0] + "." for p in parts)] if parts and all(p[0].isalpha() for p in parts) else []


def _name_forms(full: str, patronymic: str | None, surname: str | None) -> tuple[list[str], str | None, str | None]:
    """Variants of a name: 'Vladimir Putin' + 'Vladimirovich' -> 'V.V. Putin', 'V. Putin', ...

    Returns (variants, surname, given name). A name whose surname comes first ('Xi Jinping')
    gets no initials.
    """
    tokens = full.split()
    if len(tokens) < 2:
        return [], None, None
    if surname and full.startswith(surname + " "):
        return [], surname, None
    surname = surname or tokens[-1]
    if not full.endswith(" " + surname):
        return [], surname, None
    given = full[: -len(surname)].split()[0]
    forms = []
    g_init = _initials(given)
    if patronymic:
        forms.append(f"{given} {patronymic} {surname}")
        for gi in g_init:
            for pi in _initials(patronymic):
                forms += [f"{gi}{pi} {surname}", f"{gi} {pi} {surname}"]
        forms.append(f"{surname} {given} {patronymic}")
    forms += [f"{gi} {surname}" for gi in g_init]
    forms.append(f"{surname} {given}")
    if len(tokens) > 2 and not patronymic:
        forms.append(f"{given} {surname}")
    return forms, surname, given


def _person_names(
    entry: dict[str, Any], name: str, names: dict[str, tuple[str, ...]]
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, str]]:
    """Full names, initials and inverted forms are names; the surname alone is a name only for
    persons marked ``standalone`` (Putin, Lukashenko), a short name otherwise (Rice, May, Li)."""
    standalone = bool(entry.get("standalone", False))
    explicit = entry.get("surname", "")
    out: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    surnames: dict[str, str] = {}
    en_variants = [name, *names.get("en", ())]
    ru_variants = list(names.get("ru", ()))
    for lang, variants, patronymic in (("en", en_variants, entry.get("patronymic")), ("ru", ru_variants, None)):
        full_forms: list[str] = []
        for i, variant in enumerate(variants):
            full_forms.append(variant)
            if len(variant.split()) == 1 or explicit is None:  # "surname": null: no derived forms
                continue
            if lang == "ru" and i == 0:
                tokens = variant.split()
                # 'Имя Отчество Фамилия': the patronymic is the middle word
                if len(tokens) == 3 and entry.get("patronymic"):
                    forms, sn, given = _name_forms(f"{tokens[0]} {tokens[2]}", tokens[1], tokens[2])
                    full_forms += [f"{tokens[0]} {tokens[2]}", *forms]
                    surnames.setdefault(lang, sn or tokens[2])
                    continue
                en_surname = explicit or ""
                sn_hint = tokens[0] if en_surname and name.startswith(en_surname + " ") else None
                forms, sn, _ = _name_forms(variant, None, sn_hint)
                full_forms += forms
                if sn and explicit is not None:
                    surnames.setdefault(lang, sn)
                continue
            forms, sn, _ = _name_forms(variant, patronymic if i == 0 else None, (explicit or None) if lang == "en" else None)
            full_forms += forms
            if sn and explicit is not None:
                surnames.setdefault(lang, sn)
        out[lang] = full_forms
    for lang, sn in surnames.items():
        (out if standalone else short).setdefault(lang, []).append(sn)
    return (
        {k: tuple(dict.fromkeys(v)) for k, v in out.items() if v},
        {k: tuple(dict.fromkeys(v)) for k, v in short.items() if v},
        surnames,
    )


# --- countries -------------------------------------------------------------------------------


def _country_entries() -> dict[str, GazetteerEntry]:
    import pycountry

    extra = load_json("countries.json")
    try:
        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"]).gettext
    except OSError:  # pragma: no cover - pycountry always ships its locales
        ru = str
    out = {}
    known = {c.alpha_3: c for c in pycountry.countries}
    excluded = set(extra.get("_exclude", ()))
    codes = [c for c in (*known, *(k for k in extra if k not in known and not k.startswith("_"))) if c not in excluded]
    for code in codes:
        more = extra.get(code, {})
        c = known.get(code)
        if c is not None:
            en = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None), *more.get("en", [])]
            ru_names = [ru(c.name), ru(getattr(c, "official_name", "") or c.name), *more.get("ru", [])]
            name = more.get("name") or (more.get("en") or [None])[0] or getattr(c, "common_name", None) or c.name
            attributes = {"iso2": c.alpha_2, "iso3": c.alpha_3}
        else:
            en, ru_names, name = more.get("en", []), more.get("ru", []), more["name"]
            attributes = {"former": "true"} if more.get("former") else {}
            if more.get("partially_recognized"):
                attributes["status"] = "partially recognized"
        acronyms = tuple(more.get("acronyms", ()))  # alpha-3 codes collide with words: AND, CAN, PER
        out[code] = GazetteerEntry(
            id=code,
            type="COUNTRY",
            name=name,
            names={"en": tuple(dict.fromkeys(n for n in en if n and n not in acronyms)), "ru": tuple(dict.fromkeys(n for n in ru_names if n and n not in acronyms))},
            acronyms=acronyms,
            attributes=attributes,
            metonyms={"en": tuple(more.get("capital_en", [])), "ru": tuple(more.get("capital_ru", []))},
        )
    return out


def _place_entries() -> dict[str, GazetteerEntry]:
    places = load_json("places.json")
    out = {}
    for lang in LANGS:
        for i, name in enumerate(places.get(lang, [])):
            id_ = f"PLACE:{lang}:{i}"
            out[id_] = GazetteerEntry(id=id_, type="LOCATION", name=name, names={lang: (name,)}, reported=False)
    return out


def _read_user_file(path: Path) -> list[Any]:
    """A user's gazetteer file: a JSON list (UTF-8, with or without a byte-order mark)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    except RecursionError:
        raise GazetteerError(f"{path}: not a gazetteer: nested too deeply") from None
    except ValueError as exc:
        raise GazetteerError(f"{path}: not valid JSON: {exc}") from None
    if not isinstance(data, list):
        raise GazetteerError(f"{path}: a gazetteer file must hold a JSON list of entries")
    _check_strings(data, path)
    return data


def _check_strings(data: list[Any], path: Path) -> None:
    """Refuse a string that is no text: a lone surrogate ('\\ud800' in the JSON) cannot be
    encoded, and would fail deep inside the tokenizer. The walk is iterative, so that any
    depth that JSON parsing accepted is walked too."""
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise GazetteerError(f"{path}: a string holds a lone surrogate (U+{ord(value[exc.start]):04X}): {value[:40]!r}") from None
        elif isinstance(value, dict):
            stack += value.keys()
            stack += value.values()
        elif isinstance(value, list):
            stack += value


@lru_cache(maxsize=8)
def load_gazetteer(extra: Path | None = None) -> Gazetteer:
    """The packaged gazetteer, with the entries of `extra` (a JSON list) added or overriding."""
    entries = _place_entries()
    entries.update(_country_entries())
    for i, raw in enumerate(load_json("orgs.json")):
        e = entry_from_dict(raw, f"orgs.json entry {i}", "ORG")
        entries[e.id] = e
    for i, raw in enumerate(load_json("persons.json")):
        e = entry_from_dict(raw, f"persons.json entry {i}", "PERSON")
        entries[e.id] = e
    if extra is not None:
        for i, raw in enumerate(_read_user_file(extra)):
            e = entry_from_dict(raw, f"{extra} entry {i}")
            entries[e.id] = e
    return Gazetteer(entries)


_SLUG = re.compile(r"[^\w]+")


def slug(text: str) -> str:
    """A stable id fragment from a name: 'International Syria Support Group' -> 'international-syria-support-group'."""
    return _SLUG.sub("-", text.replace("’", "").replace("'", "").casefold()).strip("-")
