"""French and Spanish: pinned PyPI pipelines, the language data, and events coded natively
through the real pipeline (cases in the format of tests/events_cases.py)."""

from __future__ import annotations

import json

import pytest

from cronaca.errors import UnsupportedLanguageError
from cronaca.events.syntax import Graph, grammar
from cronaca.lang import parsable
from cronaca.nlp.models import load, registry, verify
from events_cases import Coder, Ev, case, check, params
from conftest import run_cli

FULL = ("it", "en", "fr", "es")


def test_full_languages():
    assert set(FULL) <= set(parsable())
    with pytest.raises(UnsupportedLanguageError):
        load("pt")


@pytest.mark.parametrize("lang, pid", [("fr", "fr_core_news_sm"), ("es", "es_core_news_sm")])
def test_pipeline_is_the_pinned_one_and_parses_ud(lang, pid):
    root = verify(pid)
    assert root.name == registry()[pid]["folder"]
    nlp = load(lang)
    assert "cronaca_sentences" in nlp.pipe_names
    text = {"fr": "Le ministre s'est rendu au Caire. Il a rencontré le président égyptien.",
            "es": "El ministro viajó al Cairo. Se reunió con el presidente egipcio."}[lang]
    doc = nlp(text)
    assert len(list(doc.sents)) == 2
    labels = {t.dep_ for t in doc}
    assert {"nsubj", "case"} <= labels                        # Universal Dependencies labels


@pytest.mark.parametrize("lang, text, word, prep", [
    ("fr", "Le ministre s'est rendu au Caire.", "Caire", "à"),          # au -> à
    ("es", "El ministro viajó al Cairo.", "Cairo", "a"),                # al -> a
    ("es", "Votaron en contra de la ley.", "ley", "en contra de"),      # fixed expression
])
def test_prepositions_are_read_through_contractions(lang, text, word, prep):
    from cronaca.model import Document
    from cronaca.pipeline import Pipeline

    article = Pipeline(stages=("parse",), lang=lang).process(
        Document(id="p", content=text, format="text", source="p.txt", lang=lang))
    g = Graph.of(article.sentences[0], grammar(lang))
    n = next(i for i, t in enumerate(g.tokens) if t.text == word)
    assert g.preposition(n) == prep


def test_roles_map_each_language_to_one_question():
    assert grammar("it").role("nmod:di") == grammar("fr").role("nmod:de") == \
        grammar("es").role("nmod:de") == grammar("en").role("nmod:of") == "nmod:of"
    assert grammar("es").pro_drop and not grammar("fr").pro_drop


FRENCH = {
    "core": [
        case("Le président français Emmanuel Macron a rencontré hier à Pékin son homologue "
             "chinois Xi Jinping.", Ev("FRA", "CHN", "04", date="2023-02-28")),
        case("Le ministre italien des Affaires étrangères s'est rendu au Caire le mois dernier.",
             Ev("ITA", "EGY", "04", cameo="042", date="2023-02")),
        case("Paris a appelé Moscou à retirer ses troupes d'Ukraine.", Ev("FRA", "RUS", "02")),
        case("L'Union européenne a imposé de nouvelles sanctions contre l'Iran.",
             Ev("EUR", "IRN", "16")),
        case("Selon le Kremlin, l'armée ukrainienne a bombardé la ville de Belgorod.",
             Ev("UKR", "RUS", "19")),
        case("Il y a deux semaines, la police a arrêté des milliers de manifestants à Paris.",
             Ev("FRA", None, "17", date="2023-02-15")),
        case("Le ministre des Affaires étrangères chinois Wang Yi a reçu à Pékin son homologue "
             "russe Sergueï Lavrov.", Ev("CHN", "RUS", "04")),
        case("La Russie a expulsé dix diplomates allemands la semaine dernière.",
             Ev("RUS", "DEU", "16")),
        # "des" tagged as an article still means "de" under a noun: whose withdrawal
        case("L'Union africaine a exigé le départ immédiat des troupes éthiopiennes.",
             Ev("IGO", "ETH", "10")),
        # a claim on a participle ("revendiqué par"): the claimed act is coded too
        case("Trois soldats ont été tués à Kidal dans une attaque revendiquée par le JNIM.",
             Ev("IMG", None, "01", cameo="015"), Ev("IMG", None, "19")),
        case("La Chine a lancé des manœuvres militaires autour de Taïwan.",
             Ev("CHN", "TWN", "15")),
        # a threat that names no one is aimed at the subject of its condition
        case("La Chine a menacé de « mesures de rétorsion » si l'Union européenne maintenait "
             "ses droits de douane.",
             Ev("CHN", "EUR", "13")),
        # own forces are no target of their own alert: the state they face is
        case("La Corée du Sud a placé ses forces en état d'alerte face à la Corée du Nord.",
             Ev("KOR", "PRK", "15")),
        # an assault whose agent is only "somebody": unidentified attackers of the place
        case("Emmanuel Macron a été giflé par un homme lors d'un bain de foule dans la Drôme.",
             Ev("FRA", "FRA", "18", source_sector="UAF")),
        # a place after an adverb ("près de") is where the target is, not whose it is
        case("Les artilleurs ukrainiens ont pilonné les positions russes près de Bakhmout.",
             Ev("UKR", "RUS", "19")),
        # the first item of a subject list that the parser hung on the verb
        case("Le Mali, le Burkina Faso et le Niger ont annoncé leur retrait de la Communauté "
             "économique des États de l'Afrique de l'Ouest.",
             Ev("MLI", "IGO", "16"), Ev("BFA", "IGO", "16"), Ev("NER", "IGO", "16")),
        # a first name that is also a capital's alternate name is no capital ("Salem Bazoum")
        case("La junte nigérienne a libéré Salem Bazoum, le fils de l'ancien président.",
             Ev("NER", "NER", "08")),
        # a nationality deep in a non-name phrase is not the title's ("à cinq ans de prison
        # ... dans l'affaire du financement libyen")
        case("Le tribunal correctionnel de Paris a condamné l'ancien président Nicolas Sarkozy à "
             "cinq ans de prison dans l'affaire du financement libyen.",
             Ev("FRA", "FRA", "11")),
        # "entre" (lemmatised "entrer") names the sides, and a capital between them is one
        case("Le Qatar a joué les médiateurs entre Kinshasa et les rebelles du M23.",
             Ev("QAT", "COD", "04", cameo="045")),
        # the aim two nouns down from the consumed one ("aide au développement au Niger")
        case("Washington a suspendu son aide au développement au Niger.",
             Ev("USA", "NER", "16")),
        # a phrase's other words are its own: the strike is not coded again
        case("L'opposant tunisien Jawhar Ben Mbarek a entamé une grève de la faim.",
             Ev("TUN", None, "14", cameo="142")),
        # "ont bloqué": the auxiliary "avoir" is no asset frozen (163); truckers blockade
        case("Des centaines de camionneurs ont bloqué les routes à Montréal.",
             Ev("CAN", "CAN", "14", cameo="144")),
        case("Les agriculteurs ont bloqué Paris pendant trois jours.",
             Ev("FRA", "FRA", "14", cameo="144")),
        # a complement the parser hangs on the noun's adjective is the noun's
        case("Le Burkina Faso a annoncé son retrait immédiat de la Communauté économique des "
             "États de l'Afrique de l'Ouest.",
             Ev("BFA", "IGO", "16")),
        # a craft of a force is that force; aid dropped on a place goes to its people
        case("Un C-130 de l'armée de l'air jordanienne a largué des vivres sur le nord de Gaza.",
             Ev("JOR", "PSE", "07", cameo="073", source_sector="MIL")),
        # a group of no state kills people where the sentence is ("RDC": a name only the
        # knowledge base has)
        case("Des combattants de l'État islamique ont massacré au moins soixante-dix civils dans "
             "une église de l'est de la RDC.",
             Ev("IMG", "COD", "20")),
        # a town the tagger took for a common noun is still the sentence's place
        case("Un camion a foncé sur la foule à Nice, tuant 86 personnes, dans un attentat "
             "revendiqué par l'État islamique.",
             Ev("IMG", "FRA", "18")),
        # a mediation ruled out is rejected, aimed at whose it is
        case("Le gouvernement israélien a écarté toute médiation française dans les négociations "
             "avec le Liban.",
             Ev("ISR", "FRA", "12", cameo="126")),
        # acknowledging failures is accepting responsibility (015)
        case("Le ministre français de l'Intérieur a reconnu des « dysfonctionnements » dans la "
             "gestion des supporters.",
             Ev("FRA", None, "01", cameo="015")),
        # refusing to give something away is aimed at whom it would go to
        case("Le gouvernement danois a refusé de céder le Groenland aux États-Unis.",
             Ev("DNK", "USA", "12", cameo="124")),
        # a promise that aid will be delivered to someone is aimed at them
        case("Emmanuel Macron a promis que l'aide française serait acheminée directement à la "
             "population libanaise.",
             Ev("FRA", "LBN", "03")),
        # a reporting verb the parser made a conjunct after a comma, its speaker an agent with
        # no "par": what is reported, said by Trump, and no statement by India or Pakistan
        case("L'Inde et le Pakistan ont conclu un cessez-le-feu total et immédiat, a annoncé "
             "Donald Trump.",
             Ev("IND", "PAK", "08", speaker="USA"), date="2025-05-10"),
        # an inquiry into a charge with no one named looks into the state of those who open it
        case("La justice française a ouvert une information judiciaire pour corruption.",
             Ev("FRA", "FRA", "09")),
        # a wish to act is the intent its infinitive carries, no appeal (020) that would leave
        # the act embedded and unasserted
        case("Paris souhaite expulser une soixantaine de ressortissants algériens.",
             Ev("FRA", "DZA", "13", intent=True)),
        # "Royaume-Uni" is one name: the tokenizer keeps the hyphenated state names of CLDR whole
        case("La France et le Royaume-Uni ont signé un accord sur les migrants.",
             Ev("FRA", "GBR", "05"), Ev("GBR", "FRA", "05")),
        # manoeuvres with no adjective are still a show of force, faced by the place around
        case("La marine chinoise a lancé des manœuvres d'envergure autour de Taïwan.",
             Ev("CHN", "TWN", "15", source_sector="MIL")),
        # the second side of "entre X et Y" that the parser hung on the event noun; a
        # government that protests complains officially (114), it does not demonstrate
        case("Pékin a protesté après la rencontre en Californie entre la présidente taïwanaise "
             "Tsai Ing-wen et le président de la Chambre des représentants américaine.",
             Ev("CHN", None, "11", cameo="114"), Ev("TWN", "USA", "04"), Ev("USA", "TWN", "04")),
        # a capital the tagger read as a verb marked by "avec" is the partner in the talks
        case("Le gouvernement français a repris avec Alger les discussions sur les visas.",
             Ev("FRA", "DZA", "04", cameo="046")),
        # websites paralysed are a cyber attack, by whom the partisan adjective names
        case("Le groupe de pirates informatiques prorusse Killnet a paralysé les sites internet "
             "de plusieurs aéroports allemands.",
             Ev("RUS", "DEU", "17", cameo="176")),
        # who escapes an attempt on a life is its target; the attackers are unnamed
        case("Le président comorien Azali Assoumani a échappé à une tentative d'assassinat au "
             "couteau à Moroni.",
             Ev("COM", "COM", "18", cameo="185", source_sector="UAF", target_sector="GOV")),
        # an opening « that the parser read as a word (the reporting verb's subject, or the
        # root) is punctuation: the quote is what the speaker said
        case("« L'Europe doit se réarmer », a déclaré le président français.",
             Ev("FRA", None, "01", cameo="010"), date="2025-01-10"),
        case("« Nous allons rencontrer les dirigeants chinois », a annoncé le ministre français "
             "des Affaires étrangères.",
             Ev("FRA", "CHN", "03", cameo="036", intent=True), date="2025-01-10"),
        # ... and a speaker after the verb that the parser made its predicate is its subject
        case("« L'Europe doit se réarmer pour rester libre », a déclaré Emmanuel Macron devant "
             "les armées.",
             Ev("FRA", None, "01", cameo="010"), date="2025-01-10"),
        # an offer to host talks "entre X et Y", the phrase hung on the infinitive: aimed at both
        case("La Turquie a proposé d'accueillir de nouvelles négociations entre la Russie et "
             "l'Ukraine.",
             Ev("TUR", "RUS", "03"), Ev("TUR", "UKR", "03")),
        # showing oneself pessimistic is a pessimistic comment
        case("Le ministre français des Affaires étrangères s'est montré pessimiste sur les "
             "négociations avec l'Algérie.",
             Ev("FRA", None, "01", cameo="012")),
        # fighting that "opposes" two sides: each fights the other
        case("Des affrontements ont opposé la police à des manifestants à Paris.",
             Ev("FRA", "FRA", "19", source_sector="COP", target_sector="OPP"),
             Ev("FRA", "FRA", "19", source_sector="OPP", target_sector="COP")),
        # an answer in a clause on a noun that restates another act answers that act's doer
        case("Washington a accusé Pékin de fournir des armes à Moscou, une accusation que la "
             "Chine a rejetée.",
             Ev("USA", "CHN", "11"), Ev("CHN", "USA", "12")),
        # headline style: a present tense the tagger read as a noun or a modifier of the name
        case("Pékin accuse Washington d'ingérence.", Ev("CHN", "USA", "11")),
        case("La gendarmerie française enquête sur des drones russes.", Ev("FRA", "RUS", "09")),
        # a document speaks for whoever adopted it
        case("Le Parlement européen a adopté une résolution qui condamne la Biélorussie.",
             Ev("EUR", "BLR", "11", cameo="111", source_sector="LEG")),
        # a name after the counterpart's nationality, though the parser hung both elsewhere
        case("Le président Emmanuel Macron a reçu son homologue ukrainien Volodymyr Zelensky "
             "à l'Élysée.", Ev("FRA", "UKR", "04", cameo="043", target_sector="GOV"),
             date="2024-04-15"),
    ],
    "modality": [
        case("Le président russe Vladimir Poutine n'a pas rencontré le président chinois Xi "
             "Jinping.", flagged=Ev("RUS", "CHN", "04")),
        case("L'Allemagne n'a jamais livré de missiles Taurus à l'Ukraine.",
             flagged=Ev("DEU", "UKR", "07")),
        case("La Chine pourrait envahir Taïwan.", flagged=Ev("CHN", "TWN", "19", flag="hypothetical")),
        case("Le président américain Joe Biden se rendra à Varsovie le mois prochain.",
             Ev("USA", "POL", "03", intent=True)),
        case("Horoscope du jour : Bélier, une journée favorable pour les nouveaux projets.",
             no_event=True),
        case("Le Kremlin n'a pas souhaité commenter ces informations.",
             Ev("RUS", None, "01", cameo="011")),
        case("Moscou s'est dit prêt à des négociations avec l'Ukraine.",
             Ev("RUS", "UKR", "03", cameo="036", intent=True)),
        case("La Russie et l'Ukraine ont échangé des prisonniers : 90 soldats russes contre 90 "
             "soldats ukrainiens.", Ev("RUS", "UKR", "08"), Ev("UKR", "RUS", "08")),
        case("La Finlande est devenue membre de l'Otan en avril.", Ev("FIN", "IGO", "05")),
        # a threatened strike, like a strike, is addressed to the government of its state
        case("Les syndicats belges ont menacé d'une grève générale.",
             Ev("BEL", "BEL", "13", cameo="133")),
    ],
}

SPANISH = {
    "core": [
        case("El presidente del Gobierno español Pedro Sánchez se reunió ayer en Pekín con el "
             "presidente chino Xi Jinping.", Ev("ESP", "CHN", "04", date="2023-02-28")),
        case("Los manifestantes fueron detenidos por la policía en Caracas.",     # passive
             Ev("VEN", "VEN", "17", source_sector="COP")),
        case("El Ejército colombiano se enfrentó con el ELN en el Catatumbo.",
             Ev("COL", "COL", "19")),
        # a place across a border is not where the act falls
        case("El presidente Gustavo Petro decretó el estado de emergencia en el Cauca, en la "
             "frontera con Ecuador.", Ev("COL", "COL", "17", cameo="1724")),
        case("El candidato opositor habló durante un mitin en Medellín ante miles de seguidores.",
             no_event=True),                      # a campaign rally is no protest
        case("El canciller venezolano acusó a Estados Unidos de injerencia. Además, pidió a la "
             "ONU una reunión urgente.",                                        # dropped subject
             Ev("VEN", "USA", "11"), Ev("VEN", "UNO", "02", sentence=1)),
        case("Las FARC secuestraron a dos soldados el 5 de marzo de 2023.",
             Ev("COL", None, "18", date="2023-03-05")),
        # a passive killing with no one doing it: unidentified attackers of where it happens
        case("El candidato presidencial ecuatoriano Fernando Villavicencio fue asesinado a "
             "tiros en Quito.",
             Ev("ECU", "ECU", "18", source_sector="UAF")),
        # an arrest with no one making it, in a city whose article is part of its name
        case("El general Juan José Zúñiga fue detenido en La Paz.",
             Ev("BOL", "BOL", "17", source_sector="COP")),
        # a threat's own means ("enviar tropas") are no target; where they would go is
        case("Trump amenazó con enviar tropas a territorio mexicano.",
             Ev("USA", "MEX", "13")),
        # the aim on the last conjunct of the consumed noun ("alimentos y medicinas a Cuba")
        case("El Gobierno mexicano envió nuevos cargamentos de alimentos y medicinas a Cuba.",
             Ev("MEX", "CUB", "07")),
        # the organisation joined, named inside "como miembro de"
        case("Bolivia se incorporó como miembro pleno del Mercosur.", Ev("BOL", "IGO", "05")),
        # a Colombian department is Colombia's (not Antakya, "Antioquia" in Spanish), and an
        # unnamed armed group is unidentified (UAF); murdering farmers is a killing (19, as the
        # UniversalPetrarch gold codes it), not an assassination of a prominent person (186)
        case("Miembros de un grupo armado asesinaron a cuatro campesinos en Antioquia.",
             Ev("COL", "COL", "19", cameo="190", source_sector="UAF")),
        case("Venezuela desplegó miles de soldados en la frontera tras el anuncio de maniobras "
             "militares británicas en Guyana.",
             Ev("VEN", "GBR", "15")),
        case("Los paramilitares asesinaron a cientos de civiles en el campamento de Zamzam, en "
             "Darfur.", Ev("SDN", "SDN", "20", cameo="202")),
        case("Corea del Norte llevó a cabo su cuarto ensayo nuclear.",
             Ev("PRK", None, "20", cameo="2042")),
        # a region's adjective names its state
        case("El expresidente catalán Carles Puigdemont fue detenido por la policía alemana.",
             Ev("DEU", "ESP", "17")),
        # a loan or programme approved for a state is aid to it
        case("El FMI aprobó un nuevo programa de 20.000 millones de dólares para Argentina.",
             Ev("IGO", "ARG", "07", cameo="071")),
        # extending a state of exception is imposing it again; trade resumed is cooperation
        case("El Congreso peruano prorrogó el estado de emergencia en Lima.",
             Ev("PER", None, "17", cameo="1724")),
        case("Argentina y Chile reanudaron el comercio de gas natural.",
             Ev("ARG", "CHL", "06", cameo="061"), Ev("CHL", "ARG", "06", cameo="061")),
        # an "obj" the parser gives a preposition other than "a" is an oblique, not the object
        case("Estados Unidos deportó en aviones militares a cientos de migrantes hondureños.",
             Ev("USA", "HND", "17", cameo="174")),
        # a murder or an execution is a killing (190); a prominent victim makes it an
        # assassination (186); "fue muerto por" is "was killed by"
        case("Hombres armados asesinaron a un comerciante en Cúcuta.",
             Ev("COL", "COL", "19", cameo="190")),
        case("Un concejal fue asesinado a tiros en Medellín por hombres armados.",
             Ev("COL", "COL", "18", cameo="186")),
        case("Paramilitares ejecutaron a dos hermanos en Antioquia.",
             Ev("COL", "COL", "19", cameo="190")),
        case("Una persona fue muerta por hombres armados en Cali.",
             Ev("COL", "COL", "19", cameo="190")),
        case("Una persona fue muerta de varios impactos de arma de fuego por hombres armados en "
             "Cali.",
             Ev("COL", "COL", "19", cameo="190")),
        case("El gobierno ejecutó el presupuesto a tiempo.", no_event=True),
        # the passive of the transitive "desaparecer" is a forced disappearance
        case("La estudiante fue desaparecida en Arauca.",
             Ev("COL", "COL", "18", cameo="181")),
        case("El joven, que era estudiante, desapareció en Cali.", no_event=True),
        # rescuers sent are aid, to the place named after the verb even where the parser hangs
        # that phrase elsewhere
        case("Chile envió brigadistas forestales y aviones cisterna a Bolivia.",
             Ev("CHL", "BOL", "07", cameo="073")),
        # an envoy withdrawn from where it serves: that state
        case("España retiró definitivamente a su embajadora en Buenos Aires.",
             Ev("ESP", "ARG", "16", cameo="161")),
        # what a statement answers with is what it says: the threat, by the speaker
        case("Trump respondió con la amenaza de imponer aranceles a Colombia.",
             Ev("USA", None, "13")),
        # acknowledging failures is accepting responsibility (015), though the subject is a
        # government (a word of the "recognise a state" entry)
        case("El Gobierno chileno reconoció fallas en la actuación de Carabineros.",
             Ev("CHL", None, "01", cameo="015")),
        # who survives an attempt on a life is its target; the attackers are unnamed
        case("El presidente Zelensky sobrevivió a un intento de asesinato en Kiev.",
             Ev("UKR", "UKR", "18", cameo="185", source_sector="UAF", target_sector="GOV")),
        # one's own envoy recalled for consultations: recalled from the state where it serves
        case("El gobierno argentino llamó a consultas a su embajador en Madrid.",
             Ev("ARG", "ESP", "16", cameo="161")),
        # "su visita" to the subject's own state is the object's visit
        case("Trump elogió a Bukele durante su visita a la Casa Blanca.",
             Ev("USA", "SLV", "05"), Ev("SLV", "USA", "04", cameo="042"), date="2025-04-15"),
        # showing oneself pessimistic is a pessimistic comment
        case("La canciller colombiana se mostró pesimista sobre las negociaciones con el ELN.",
             Ev("COL", None, "01", cameo="012")),
        # an option studied with its infinitive is weighed (014), not taken
        case("El Gobierno chileno estudia romper relaciones diplomáticas con Israel.",
             Ev("CHL", "ISR", "01", cameo="014")),
        # fighting that "pits" two sides against each other: each fights the other
        case("Los combates que enfrentaron al ejército colombiano con la guerrilla dejaron diez "
             "muertos.",
             Ev("COL", "COL", "19", source_sector="MIL", target_sector="REB"),
             Ev("COL", "COL", "19", source_sector="REB", target_sector="MIL")),
        # an answer in a clause on a noun that restates another act answers that act's doer
        case("Washington acusó a Pekín de suministrar armas a Moscú, una acusación que China "
             "rechazó.",
             Ev("USA", "CHN", "11"), Ev("CHN", "USA", "12")),
        # insults are a disapproval (111), by whom the "de" phrase names, against whom "contra"
        case("Los insultos de Javier Milei contra Pedro Sánchez provocaron una crisis.",
             Ev("ARG", "ESP", "11", cameo="111"), date="2024-05-20"),
        # a possessive that would make the subject insult its own side names the object's
        case("El Gobierno español exigió a Javier Milei una disculpa pública por sus insultos "
             "contra Pedro Sánchez.",
             Ev("ESP", "ARG", "10"), Ev("ARG", "ESP", "11", cameo="111"), date="2024-05-20"),
        # statements against someone are a criticism, aimed at whom "contra" marks wherever the
        # parser hung it
        case("El Ministerio de Asuntos Exteriores español convocó a la encargada de negocios de "
             "Israel tras las declaraciones del canciller israelí contra Pedro Sánchez.",
             Ev("ESP", "ISR", "11", cameo="114"), Ev("ISR", "ESP", "11", cameo="111"),
             date="2024-05-20"),
        # a threat named by a noun is aimed where its infinitive would strike
        case("Trump respondió con la amenaza de imponer aranceles del 25 % a los productos "
             "colombianos.",
             Ev("USA", "COL", "13", cameo="1312"), date="2025-01-27"),
        # a document speaks for whoever adopted it
        case("El Parlamento Europeo aprobó una resolución que condena a Bielorrusia.",
             Ev("EUR", "BLR", "11", cameo="111", source_sector="LEG")),
        # two states breaking relations break them with each other
        case("Marruecos y Argelia rompieron relaciones diplomáticas en 2021.",
             Ev("MAR", "DZA", "16", cameo="161"), Ev("DZA", "MAR", "16", cameo="161")),
        # a denied perfect infinitive ("haber vendido") is the denier's act, denied
        case("El Gobierno español negó haber vendido armas a Israel.",
             flagged=Ev("ESP", "ISR", "06", cameo="062")),
        # an exchange is between its sides, whoever mediated it
        case("Rusia y Ucrania intercambiaron 200 prisioneros de guerra con la mediación de "
             "Emiratos Árabes Unidos.",
             Ev("RUS", "UKR", "08"), Ev("UKR", "RUS", "08"), Ev("ARE", "RUS", "04"),
             Ev("ARE", "UKR", "04")),
        case("La Comisión Europea abrió un procedimiento de infracción contra Hungría.",
             Ev("EUR", "HUN", "11", cameo="115")),
    ],
    "modality": [
        case("México no envió tropas a la frontera.", flagged=Ev("MEX", None, "15")),
        case("El presidente argentino Javier Milei visitará Israel el próximo mes.",
             Ev("ARG", "ISR", "03", intent=True)),
        case("Resultados de la Liga: el Real Madrid ganó 2-0 al Sevilla.", no_event=True),
        case("El Kremlin se negó a comentar la información.", Ev("RUS", None, "01", cameo="011")),
        case("La Casa Blanca no quiso comentar el informe.", Ev("USA", None, "01", cameo="011")),
        case("La ONU entregó alimentos en el norte de la Franja de Gaza.",
             Ev("UNO", "PSE", "07")),
        case("Boric se dijo dispuesto a reunirse con Milei para resolver la disputa.",
             Ev("CHL", "ARG", "03", cameo="036", intent=True)),
        case("Petro pidió a Francia más cooperación durante su visita a París.",
             Ev("COL", "FRA", "02"), Ev("COL", "FRA", "04", cameo="042")),
    ],
}


@pytest.fixture(scope="module")
def french() -> Coder:
    return Coder("fr")


@pytest.fixture(scope="module")
def spanish() -> Coder:
    return Coder("es")


@pytest.mark.parametrize("case_id, c", params(FRENCH, "fr"))
def test_french_events(french, case_id, c):
    check(french.run(case_id, c), c)


@pytest.mark.parametrize("case_id, c", params(SPANISH, "es"))
def test_spanish_events(spanish, case_id, c):
    check(spanish.run(case_id, c), c)


@pytest.mark.slow
@pytest.mark.parametrize("lang, floor", [("fr", 0.38), ("es", 0.48)])
def test_development_set_score_does_not_fall(lang, floor):
    """Root + dyad F1 on the language's development split, as `cronaca eval events` reports it;
    the floor is just under the score measured when the language was added (a regression
    guard, not the issue's 0.75 target)."""
    result = run_cli("eval", "events", f"cronaca-{lang}", "--split", "dev", "--json",
                     "--misses", "0", timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    scores = json.loads(result.stdout)
    assert scores["records"] >= 100
    assert scores["levels"]["root+dyad"]["f1"] >= floor, scores["levels"]["root+dyad"]


def test_typographic_apostrophes_parse_like_straight_ones():
    """"n’a pas condamné" is negated like "n'a pas condamné"; the record keeps the article's ’."""
    from cronaca.model import Document
    from cronaca.pipeline import Pipeline

    text = "La France n\u2019a pas condamné l\u2019attaque."
    article = Pipeline(stages=("parse", "events"), lang="fr", default_date="2024-05-06").process(
        Document(id="a", content=text, format="text", source="a.txt", lang="fr"))
    assert [t.text for t in article.sentences[0].tokens][:3] == ["La", "France", "n\u2019"]
    assert article.sentences[0].text == text
    condemn = [e for e in article.events if e.cameo_root == "11"]
    assert condemn and all(e.negated for e in condemn)
    assert condemn[0].evidence.text == text
