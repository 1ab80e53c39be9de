"""The actor knowledge base: states, organisations, people with dated offices, agent words.

Built from the data files in ``actors/data`` and ``lang/<code>/agents.yaml``, plus CLDR country
names from babel, plus any user files (``cronaca kb import-petrarch`` writes them, and users can
write their own in the same format) found in the user knowledge folder.  Everything is indexed
by a normalised key so that lookups are dictionary hits.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from cronaca.errors import ResourceError
from cronaca.lang import info, languages, load_yaml, resource

log = logging.getLogger(__name__)

ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")
# Office holders act for their government.
ROLE_SECTOR = {role: "GOV" for role in ROLES}


def key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("`", "'").lower()
    text = re.sub(r"\s+", " ", text.strip(" .,;:\"«»“”"))
    return text.replace(" 's ", "'s ")    # tokens joined: "people 's republic"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _date(value, where: str) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    try:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        raise ResourceError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str                                 # English CLDR name


@dataclass(frozen=True)
class Organization:
    id: str
    code: str                                 # the code used as an actor's country
    sector: str
    name: str


@dataclass(frozen=True)
class Tenure:
    """A dated code: an office (role) or an explicit country/sector (user dictionaries)."""

    country: str
    sector: str | None
    role: str | None
    start: dt.date | None
    end: dt.date | None

    def covers(self, date: dt.date | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass
class Person:
    id: str
    name: str
    country: str | None
    tenures: list[Tenure] = field(default_factory=list)

    @property
    def home(self) -> str | None:
        """The person's country, or the one country all their offices belong to."""
        countries = {t.country for t in self.tenures}
        return self.country or (countries.pop() if len(countries) == 1 else None)

    def country_on(self, date: dt.date | None) -> str | None:
        """The state the person acts for on ``date``: the tenure's, else their home."""
        tenure = self.at(date)
        return tenure.country if tenure else self.home

    def at(self, date: dt.date | None) -> Tenure | None:
        """The tenure that applies at ``date`` (an office first), else None."""
        current = [t for t in self.tenures if t.covers(date)]
        current.sort(key=lambda t: (t.role is None, ROLES.index(t.role) if t.role else 0))
        return current[0] if current else None


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)       # key -> iso3
    adjectives: dict[str, str] = field(default_factory=dict)          # key -> iso3
    seats: dict[str, str] = field(default_factory=dict)               # key -> iso3
    org_names: dict[str, str] = field(default_factory=dict)           # key -> org id
    org_acronyms: dict[str, str] = field(default_factory=dict)        # as written -> org id
    person_names: dict[str, list[str]] = field(default_factory=dict)  # key -> person ids
    roles: dict[str, dict[str, str]] = field(default_factory=dict)    # lang -> title -> role
    sectors: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> word -> sector
    generic: dict[str, set[str]] = field(default_factory=dict)   # lang -> "paese", "official"...
    user_sources: list[str] = field(default_factory=list)
    # user discard phrases (``*.discards.yaml``): "story" ones rule out a whole article, "sentence"
    # ones a sentence; kind -> [(phrase, file)]
    discards: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    _discard_re: dict[str, re.Pattern] = field(default_factory=dict, repr=False)  # kind -> regex

    # ------------------------------------------------------------------ queries

    def holders(self, country: str, role: str, date: dt.date | None) -> list[Person]:
        return [p for p in self.people.values()
                if any(t.role == role and t.country == country and t.covers(date)
                       for t in p.tenures)]

    def person(self, name: str, date: dt.date | None = None) -> Person | None:
        """The person a name refers to; among namesakes, the one in office at ``date``."""
        ids = self.person_names.get(key(name), [])
        if not ids:
            return None
        people = [self.people[i] for i in ids]
        if len(people) == 1:
            return people[0]
        active = [p for p in people if p.at(date)]
        if len(active) == 1:
            return active[0]
        if not active and date is not None:      # namesakes, none in office: the nearest one
            def distance(p: Person) -> int:
                return min((0 if t.covers(date) else min(abs((date - (t.start or date)).days),
                                                          abs(((t.end or date) - date).days))
                            for t in p.tenures), default=10 ** 6)
            ranked = sorted(people, key=distance)
            if distance(ranked[0]) < distance(ranked[1]):
                return ranked[0]
        return None

    def discarded(self, text: str, kind: str) -> tuple[str, str] | None:
        """The first user discard phrase of ``kind`` ("story" or "sentence") that ``text``
        contains, as whole words and in any case, with its file; None when none does."""
        if kind not in self._discard_re:     # compiled once per kind (checked per sentence)
            self._discard_re[kind] = _discard_pattern(self.discards.get(kind, []))
        found = self._discard_re[kind].search(text)
        if found is None:
            return None
        words = " ".join(found.group(0).lower().split())
        return next(((p, where) for p, where in self.discards[kind] if p == words),
                    (words, self.discards[kind][0][1]))

    def max_name_words(self) -> int:
        return max((len(k.split()) for k in
                    (*self.country_names, *self.org_names, *self.person_names, *self.seats)),
                   default=1)


# ---------------------------------------------------------------------- building


def _load_yaml(path, where: str):
    try:
        return load_yaml(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise ResourceError(f"{where} is not valid YAML: {exc}") from None


def _discard_pattern(phrases: list[tuple[str, str]]) -> re.Pattern:
    if not phrases:
        return re.compile(r"(?!)")                  # matches nothing
    alternatives = sorted({r"\s+".join(map(re.escape, p.split())) for p, _ in phrases},
                          key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _add_discards(kb: KnowledgeBase, data, where: str) -> None:
    """``{story: [phrase, ...], sentence: [phrase, ...]}``: phrases that rule out a whole article
    or one sentence (sports results, weather: "Manchester United", "typhoon")."""
    if not isinstance(data, dict) or set(data) - {"story", "sentence"}:
        raise ResourceError(f"{where}: expected a mapping with `story` and/or `sentence` lists")
    for kind in ("story", "sentence"):
        phrases = data.get(kind) or []
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.split()
                                                     for p in phrases):
            raise ResourceError(f"{where}: `{kind}` must be a list of phrases")
        kb.discards.setdefault(kind, []).extend(
            (" ".join(p.lower().split()), where) for p in phrases)
        kb._discard_re.pop(kind, None)


def _data_files(prefix: str) -> list:
    folder = resources.files("cronaca.actors") / "data"
    return sorted((p for p in folder.iterdir()
                   if p.name.startswith(prefix) and p.name.endswith(".yaml")),
                  key=lambda p: p.name)


def user_dir() -> Path:
    base = os.environ.get("CRONACA_KB") or str(
        Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "cronaca" / "kb")
    return Path(base)


def _add_countries(kb: KnowledgeBase) -> None:
    from babel import Locale

    import pycountry

    english = Locale("en")
    for c in pycountry.countries:
        kb.countries[c.alpha_3] = Country(c.alpha_3, c.alpha_2,
                                          english.territories.get(c.alpha_2, c.name))
    kb.countries.setdefault("XKX", Country("XKX", "XK", "Kosovo"))
    # CLDR names in every language Cronaca has a folder for, and in the common others
    for code in sorted(set(languages()) | {"sl", "hr", "pl", "cs", "nl", "ro", "el", "sv", "da",
                                           "fi", "hu", "id", "ms", "tr", "ru", "uk", "sr", "sk",
                                           "bg", "lt", "lv", "et", "ca", "eu", "gl", "sq", "mk"}):
        locale = Locale.parse(code)
        for country in kb.countries.values():
            name = locale.territories.get(country.iso2)
            if name:
                kb.country_names.setdefault(key(name), country.iso3)
    entries = [entry for path in _data_files("countries")
               for entry in _load_yaml(path, f"actors/data/{path.name}")]
    for entry in entries:        # CLDR names that name something else in news ("Columbia")
        for form in entry.get("not_names") or ():
            if kb.country_names.get(key(form)) == entry["iso3"]:
                del kb.country_names[key(form)]
    partisan = {code: info(code).get("partisan_prefixes") or () for code in languages()}
    for entry in entries:
        iso3 = entry["iso3"]
        if iso3 not in kb.countries:
            kb.countries[iso3] = Country(iso3, entry.get("iso2", ""), iso3)
        for lang, forms in (entry.get("adjectives") or {}).items():
            for form in forms:
                kb.adjectives.setdefault(key(form), iso3)
            for prefix in partisan.get(lang, ()):   # "filorussi", "prorusse": pro-Russian
                for form in forms:
                    doubled = prefix + "r" + form if form.startswith("r") else None   # es
                    for word in filter(None, (prefix + form, doubled)):             # "prorruso"
                        if word not in kb.country_names:
                            kb.adjectives.setdefault(key(word), iso3)
        for forms in (entry.get("aliases") or {}).values():
            for form in forms:
                kb.country_names[key(form)] = iso3
        for forms in (entry.get("seats") or {}).values():
            for form in forms:
                kb.seats[key(form)] = iso3


def _add_organizations(kb: KnowledgeBase, entries, where: str) -> None:
    for entry in entries:
        org = Organization(entry["id"], entry["code"], entry.get("sector", "IGO"),
                           entry.get("name") or _display(next(iter(entry["names"].get("en") or
                                                                  [entry["id"]]))))
        kb.organizations[org.id] = org
        for forms in entry["names"].values():
            for form in forms:
                kb.org_names[key(form)] = org.id
        for form in entry.get("acronyms") or []:   # "UN", matched only as written: "un" is
            kb.org_acronyms[form] = org.id         # an Italian article


_LOWER_WORDS = {"of", "the", "and", "for", "on", "in", "de", "al", "el", "la"}


def _display(name: str) -> str:
    """A display form of a lower-case name: acronyms in capitals ("nato" -> "NATO", "u.n." ->
    "U.N."), other words capitalised except small ones ("united nations security council")."""
    if (len(name) <= 5 and " " not in name) or "." in name:
        return name.upper()
    words = name.split()
    return " ".join(w if i and w in _LOWER_WORDS else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def _add_people(kb: KnowledgeBase, entries, where: str) -> None:
    for entry in entries:
        pid = entry.get("id") or f"person:{slug(entry['name'])}"
        person = kb.people.get(pid) or Person(pid, entry["name"], entry.get("country"))
        for office in entry.get("offices") or []:
            role = office["role"]
            if role not in ROLES:
                raise ResourceError(f"{where}: {entry['name']}: unknown role {role!r}")
            person.tenures.append(Tenure(office.get("country") or entry["country"],
                                         ROLE_SECTOR[role], role,
                                         _date(office.get("start"), where),
                                         _date(office.get("end"), where)))
        for code in entry.get("codes") or []:
            person.tenures.append(Tenure(code["country"], code.get("sector"), None,
                                         _date(code.get("start"), where),
                                         _date(code.get("end"), where)))
        kb.people[pid] = person
        for name in [entry["name"], *(entry.get("aliases") or [])]:
            ids = kb.person_names.setdefault(key(name), [])
            if pid not in ids:
                ids.append(pid)


def _add_agents(kb: KnowledgeBase, lang: str, data: dict) -> None:
    sectors = kb.sectors.setdefault(lang, {})
    for sector, words in (data.get("sectors") or {}).items():
        for word in words:
            sectors.setdefault(key(word), sector)
    roles = kb.roles.setdefault(lang, {})
    for role, titles in (data.get("roles") or {}).items():
        for title in titles:
            roles.setdefault(key(title), role)
    kb.generic.setdefault(lang, set()).update(str(w).lower() for w in data.get("generic") or ())


def build(user: Path | None = None) -> KnowledgeBase:
    kb = KnowledgeBase()
    _add_countries(kb)
    for path in _data_files("organizations"):
        _add_organizations(kb, _load_yaml(path, f"actors/data/{path.name}"), path.name)
    for path in _data_files("people"):
        _add_people(kb, _load_yaml(path, f"actors/data/{path.name}"), path.name)
    for lang in languages():
        try:
            _add_agents(kb, lang, resource(lang, "agents.yaml"))
        except ResourceError:
            continue
    folder = user if user is not None else user_dir()
    if folder.is_dir():
        _add_user(kb, folder)
    return kb


def _add_user(kb: KnowledgeBase, folder: Path) -> None:
    """User files: ``*.actors.yaml`` (people format, ``codes`` allowed), ``*.organizations.yaml``,
    ``*.agents.<lang>.yaml`` (agents format), ``*.discards.yaml`` (phrases that rule out an
    article or a sentence)."""
    for path in sorted(folder.glob("*.yaml")):
        where = str(path)
        if path.name.endswith(".actors.yaml"):
            entries = _load_yaml(path, where)
            _add_people(kb, entries, where)
            for entry in entries:         # the user's code for a name wins over the built-in
                for name in [entry["name"], *(entry.get("aliases") or [])]:   # state, seat or
                    for names in (kb.country_names, kb.seats, kb.org_names):  # organisation
                        names.pop(key(name), None)
        elif path.name.endswith(".organizations.yaml"):
            _add_organizations(kb, _load_yaml(path, where), where)
        elif m := re.search(r"\.agents\.([a-z]{2})\.yaml$", path.name):
            _add_agents(kb, m.group(1), _load_yaml(path, where) or {})
        elif path.name.endswith(".discards.yaml"):
            _add_discards(kb, _load_yaml(path, where) or {}, where)
        else:
            continue
        kb.user_sources.append(where)


@cache
def knowledge_base() -> KnowledgeBase:
    return build()
