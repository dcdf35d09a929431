"""The gazetteer: every known organization, country and person, with the names that point to it.

Entries come from data files shipped in `diplotext/resources` (organizations, persons, country
additions) and from pycountry (ISO 3166 codes and names, English and Russian). A user file can
add or override entries (`load_gazetteer(extra=PATH)`); a malformed one is refused with an
error that names the entry and the field.
"""

from __future__ import annotations

import gettext
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from ..resources import load_json

ENTITY_TYPES = ("ORG", "COUNTRY", "PERSON", "TREATY", "DOCUMENT", "LOCATION", "EVENT")


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


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, GazetteerEntry]

    def get(self, id: str) -> GazetteerEntry | None:
        return self.entries.get(id)

    def __len__(self) -> int:
        return len(self.entries)


def _require(entry: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...] = str) -> Any:
    if key not in entry:
        raise GazetteerError(f"{where}: missing field {key!r}")
    value = entry[key]
    if not isinstance(value, kind):
        raise GazetteerError(f"{where}: field {key!r} must be {getattr(kind, '__name__', kind)}, got {type(value).__name__}")
    return value


def _names(entry: dict[str, Any], where: str) -> dict[str, tuple[str, ...]]:
    aliases = entry.get("aliases", {})
    if isinstance(aliases, list):
        aliases = {"en": aliases}
    if not isinstance(aliases, dict):
        raise GazetteerError(f"{where}: field 'aliases' must be an object of language -> list of names")
    out: dict[str, tuple[str, ...]] = {}
    for lang, names in aliases.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise GazetteerError(f"{where}: field 'aliases.{lang}' must be a list of non-empty strings")
        out[lang] = tuple(names)
    return out


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
    names = _names(entry, where)
    acronyms = entry.get("acronyms", [])
    if not isinstance(acronyms, list) or not all(isinstance(a, str) and a for a in acronyms):
        raise GazetteerError(f"{where}: field 'acronyms' must be a list of non-empty strings")
    names["en"] = tuple(dict.fromkeys((name, *names.get("en", ()))))
    attributes = {k: str(v) for k, v in entry.items() if k in ("kind", "parent", "office", "country") and v}
    return GazetteerEntry(id=id_, type=type_, name=name, names=names, acronyms=tuple(acronyms), attributes=attributes)


def _country_entries() -> dict[str, GazetteerEntry]:
    import pycountry

    extra = load_json("countries.json")
    try:
        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"]).gettext
    except OSError:  # pragma: no cover - pycountry always ships its locales
        ru = str
    out = {}
    for c in pycountry.countries:
        more = extra.get(c.alpha_3, {})
        en = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None), *more.get("en", [])]
        ru_names = [ru(c.name), ru(getattr(c, "official_name", "") or c.name), *more.get("ru", [])]
        out[c.alpha_3] = GazetteerEntry(
            id=c.alpha_3,
            type="COUNTRY",
            name=getattr(c, "common_name", None) or c.name,
            names={"en": tuple(dict.fromkeys(n for n in en if n)), "ru": tuple(dict.fromkeys(n for n in ru_names if n))},
            acronyms=tuple(more.get("acronyms", ())),  # alpha-3 codes collide with words: AND, CAN, PER
            attributes={"iso2": c.alpha_2, "iso3": c.alpha_3},
            metonyms={"en": tuple(more.get("capital_en", [])), "ru": tuple(more.get("capital_ru", []))},
        )
    return out


def _read_user_file(path: Path) -> list[Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise GazetteerError(f"{path}: not valid JSON: {exc}") from None
    if not isinstance(data, list):
        raise GazetteerError(f"{path}: a gazetteer file must hold a JSON list of entries")
    return data


@lru_cache(maxsize=8)
def load_gazetteer(extra: Path | None = None) -> Gazetteer:
    """The packaged gazetteer, with the entries of `extra` (a JSON list) added or overriding."""
    entries = _country_entries()
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
