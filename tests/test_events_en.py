"""English event coding, phenomenon by phenomenon, through the real pipeline.

Each table row is a news sentence (or two), its publication date and the events a correct coder
must emit: ``Ev(source, target, root, ...)`` (see tests/events_cases.py).  Publication dates:
2023-03-01 is a Wednesday unless a case says otherwise.
"""

from __future__ import annotations

import pytest

from events_cases import (Coder, Ev, case, check, check_clutter, check_coverage,
                          check_known_misses, check_schema, params)

CASES = {
    # ------------------------------------------------------------------ negation
    "negation": [
        case("Indian Prime Minister Narendra Modi did not meet Pakistani Prime Minister Shehbaz "
             "Sharif at the summit in Samarkand.",
             flagged=Ev("IND", "PAK", "04")),
        case("Germany has not sent Leopard tanks to Ukraine.",
             flagged=Ev("DEU", "UKR", "07")),
        case("China has never condemned Russia's invasion of Ukraine.",
             Ev("RUS", "UKR", "19"),
             flagged=Ev("CHN", "RUS", "11")),
        case("Iran denied supplying drones to Russia.",
             flagged=Ev("IRN", "RUS", "07")),
        case("Turkey did not expel the Swedish ambassador despite the burning of a Koran in "
             "Stockholm.",
             flagged=Ev("TUR", "SWE", "16")),
        case("Neither France nor Germany signed the joint declaration with China.",
             flagged=(Ev("FRA", "CHN", "05"), Ev("DEU", "CHN", "05"))),
        case("Police in Tbilisi did not arrest any of the protesters gathered outside the "
             "Georgian parliament.",
             flagged=Ev("GEO", None, "17")),
        case("The United States has not yet lifted its sanctions on Venezuela.",
             flagged=Ev("USA", "VEN", "08")),
        case("Israel did not strike the Gaza Strip overnight, the military said.",
             flagged=Ev("ISR", "PSE", "19")),
        case("The UN Security Council failed to condemn North Korea's missile launch.",
             flagged=Ev("UNO", "PRK", "11")),
        case("China did not provide weapons to Russia but expanded trade with Moscow.",
             Ev("CHN", "RUS", "06"),
             flagged=Ev("CHN", "RUS", "07")),
        case("Moscow has never threatened to use nuclear weapons against Ukraine, Kremlin "
             "spokesman Dmitry Peskov said.",
             flagged=Ev("RUS", "UKR", "13")),
        case("Israel called off the talks with Hamas on Monday.",
             Ev("ISR", "PSE", "16", cameo="164")),
        # not accepting is refusing: the refusal is the act (120)
        case("Syria says it will not accept any more refugees.",
             Ev("SYR", None, "12", cameo="120")),
        # what is to be prevented does not take place; a prevented protest is restricted
        case("The International Court of Justice ordered Israel to prevent genocide in Gaza.",
             flagged=Ev("ISR", "PSE", "20", cameo="202")),
        case("Turkish police prevented the demonstration staged by students in Sivas.",
             Ev("TUR", "TUR", "17", cameo="1721", source_sector="COP")),
    ],
    # ------------------------------------------------------------------ passive
    "passive": [
        case("Russian opposition leader Alexei Navalny was detained by police at a Moscow "
             "airport.",
             Ev("RUS", "RUS", "17", cameo="173", source_sector="COP", target_sector="OPP")),
        case("Chinese Foreign Minister Wang Yi was received at the Kremlin by President Vladimir "
             "Putin.",
             Ev("RUS", "CHN", "04", cameo="043")),
        case("New sanctions were imposed on Russia by the European Union.",
             Ev("EUR", "RUS", "16")),
        case("Three Estonian diplomats were expelled by the Russian government.",
             Ev("RUS", "EST", "16", source_sector="GOV")),
        case("The peace treaty was signed at the White House by Israel and the United Arab "
             "Emirates.",
             Ev("ISR", "ARE", "05"), Ev("ARE", "ISR", "05")),
        case("American journalist Evan Gershkovich was charged with espionage by Russian "
             "authorities.",
             Ev("RUS", "USA", "11", source_sector="GOV")),
        case("Kyiv was hit by a massive Russian missile attack.",
             Ev("RUS", "UKR", "19")),
        case("Italian Prime Minister Giorgia Meloni was welcomed to the White House by "
             "President Joe Biden.",
             Ev("USA", "ITA", "04", cameo="043")),
        case("Dozens of students were detained by Iranian police in Tehran.",
             Ev("IRN", "IRN", "17", source_sector="COP")),
        case("China's peace plan was rejected by Washington.",
             Ev("USA", "CHN", "12", source_sector="GOV")),
        case("Humanitarian aid was delivered to the people of Gaza by the Egyptian Red Crescent.",
             Ev("EGY", "PSE", "07")),
        case("Zelensky was praised by French President Emmanuel Macron for the courage of his "
             "people.",
             Ev("FRA", "UKR", "05")),
        case("Thousands of Rohingya civilians were massacred by the Myanmar army in Rakhine "
             "state.",
             Ev("MMR", "MMR", "20", source_sector="MIL")),
    ],
    # ------------------------------------------------------------------ dropped subjects
    "dropped_subject": [
        case("Belarusian President Alexander Lukashenko met Xi Jinping in Beijing. He also "
             "allowed Russia to deploy tactical nuclear weapons in Belarus.",
             Ev("BLR", "CHN", "04", sentence=0), Ev("BLR", "RUS", "06", sentence=1)),
        case("French President Emmanuel Macron arrived in Beijing on Wednesday. He then urged "
             "Xi Jinping to put pressure on Russia.",
             Ev("FRA", "CHN", "02", sentence=1)),
        case("Hungarian Prime Minister Viktor Orban addressed parliament in Budapest. He "
             "accused the European Union of trying to drag Hungary into the war.",
             Ev("HUN", "EUR", "11", sentence=1)),
        case("Russian Foreign Minister Sergei Lavrov landed in New Delhi. He met his Indian "
             "counterpart Subrahmanyam Jaishankar.",
             Ev("RUS", "IND", "04", sentence=1)),
        case("Italian Prime Minister Giorgia Meloni flew to Kyiv. She pledged new military aid "
             "to Ukraine.",
             Ev("ITA", "UKR", "03", sentence=1)),
        case("Turkish President Tayyip Erdogan received the Swedish prime minister in Ankara. "
             "He rejected Stockholm's request to join NATO, however.",
             Ev("TUR", "SWE", "12", sentence=1)),
        case("US Secretary of State Antony Blinken visited Israel. He urged Benjamin "
             "Netanyahu's government to protect civilians.",
             Ev("USA", "ISR", "02", sentence=1)),
        case("Iran seized a Greek oil tanker in the Persian Gulf. It also threatened "
             "retaliation against Greece.",
             Ev("IRN", "GRC", "13", sentence=1)),
        case("North Korean leader Kim Jong Un visited a munitions factory. He later threatened "
             "to strike the United States with nuclear weapons.",
             Ev("PRK", "USA", "13", sentence=1)),
        case("Brazilian President Luiz Inacio Lula da Silva arrived in Beijing. He signed "
             "fifteen trade agreements with Xi Jinping.",
             Ev("BRA", "CHN", "05", sentence=1)),
        case("German Chancellor Olaf Scholz spoke in the Bundestag. He strongly condemned the "
             "Hamas attack on Israel.",
             Ev("DEU", "PSE", "11", sentence=1)),
        case("China held military drills around Taiwan. It also sanctioned three American "
             "defence companies.",
             Ev("CHN", "USA", "16", sentence=1)),
    ],
    # ------------------------------------------------------------------ coordination
    "coordination": [
        case("The United States, Britain and Canada imposed new sanctions on Russia.",
             Ev("USA", "RUS", "16"), Ev("GBR", "RUS", "16"), Ev("CAN", "RUS", "16")),
        case("Russian President Vladimir Putin met Chinese President Xi Jinping and Indian "
             "Prime Minister Narendra Modi.",
             Ev("RUS", "CHN", "04"), Ev("RUS", "IND", "04")),
        case("France and Germany condemned the military coup in Niger.",
             Ev("FRA", "NER", "11"), Ev("DEU", "NER", "11")),
        case("Chinese Foreign Minister Wang Yi visited Moscow and met Sergei Lavrov.",
             Ev("CHN", "RUS", "04", cameo="042"), Ev("CHN", "RUS", "04")),
        case("Egypt and Qatar called on Israel and Hamas to agree to a ceasefire.",
             Ev("EGY", "ISR", "02"), Ev("EGY", "PSE", "02"),
             Ev("QAT", "ISR", "02"), Ev("QAT", "PSE", "02")),
        case("Armenia and Azerbaijan accused each other of violating the ceasefire.",
             Ev("ARM", "AZE", "11"), Ev("AZE", "ARM", "11")),
        case("Turkish President Erdogan phoned Putin and Zelensky on Sunday.",
             Ev("TUR", "RUS", "04"), Ev("TUR", "UKR", "04")),
        case("Japan and South Korea signed a defence agreement with the United States.",
             Ev("JPN", "USA", "05"), Ev("KOR", "USA", "05")),
        case("Moscow expelled Latvian, Lithuanian and Estonian diplomats.",
             Ev("RUS", "LVA", "16"), Ev("RUS", "LTU", "16"), Ev("RUS", "EST", "16")),
        case("Britain sent humanitarian aid to Turkey and Syria after the earthquake.",
             Ev("GBR", "TUR", "07"), Ev("GBR", "SYR", "07")),
        case("Pope Francis received Argentine President Javier Milei and Ukrainian President "
             "Volodymyr Zelensky at the Vatican.",
             Ev("VAT", "ARG", "04"), Ev("VAT", "UKR", "04")),
        case("India and Pakistan exchanged artillery fire along the Line of Control in Kashmir.",
             Ev("IND", "PAK", "19"), Ev("PAK", "IND", "19")),
        case("Washington and London demanded that Iran release the tanker.",
             Ev("USA", "IRN", "10"), Ev("GBR", "IRN", "10")),
        case("France and Germany suspended their military cooperation.",
             Ev("FRA", "DEU", "16"), Ev("DEU", "FRA", "16")),
        case("Israel, the Palestinian Authority, Egypt and Jordan met in Aqaba.",
             Ev("ISR", "EGY", "04"), Ev("ISR", "JOR", "04"), Ev("EGY", "JOR", "04"),
             Ev("JOR", "PSE", "04")),
        case("Russia mobilized 300,000 reservists for the war against Ukraine.",
             Ev("RUS", "UKR", "15", cameo="154")),
        # a rebel force's truce with its state's army holds both ways
        case("Sudan's army and the Rapid Support Forces agreed to a seven-day truce.",
             Ev("SDN", "SDN", "08", cameo="0871", source_sector="MIL", target_sector="REB"),
             Ev("SDN", "SDN", "08", cameo="0871", source_sector="REB", target_sector="MIL")),
        # coordinated sides that clashed with no one else named clashed with each other
        case("Indian and Chinese troops clashed along their disputed border in the Himalayas.",
             Ev("IND", "CHN", "19"), Ev("CHN", "IND", "19", target_sector="MIL")),
        # a subject the parser hung on the auxiliary is the verb's
        case("Egypt and Qatar are mediating between Israel and Hamas.",
             Ev("EGY", "ISR", "04", cameo="045"), Ev("QAT", "PSE", "04", cameo="045")),
    ],
    # ------------------------------------------------------------------ nominal events
    "nominal": [
        case("The meeting between Xi Jinping and Vladimir Putin lasted more than four hours.",
             Ev("CHN", "RUS", "04"), Ev("RUS", "CHN", "04")),
        case("Wang Yi's visit to Moscow angered Washington.",
             Ev("CHN", "RUS", "04", cameo="042")),
        case("Russia's invasion of Ukraine began on February 24, 2022.",
             Ev("RUS", "UKR", "19", date="2022-02-24")),
        case("European Union sanctions against Iran took effect.",
             Ev("EUR", "IRN", "16")),
        case("The arrest of Alexei Navalny by Russian police sparked protests around the world.",
             Ev("RUS", "RUS", "17", source_sector="COP")),
        case("The Israeli bombardment of Gaza continued for a third day.",
             Ev("ISR", "PSE", "19")),
        case("The signing of the agreement between Saudi Arabia and Iran took place in Beijing.",
             Ev("SAU", "IRN", "05"), Ev("IRN", "SAU", "05")),
        case("The withdrawal of American troops from Afghanistan ended in August 2021.",
             Ev("USA", "AFG", "08", date="2021-08")),
        case("Protests by Iranian demonstrators against the government in Tehran have continued "
             "for weeks.",
             Ev("IRN", "IRN", "14", source_sector="OPP", target_sector="GOV")),
        case("American military aid to Kyiv exceeds 40 billion dollars.",
             Ev("USA", "UKR", "07")),
        case("The phone call between Joe Biden and Xi Jinping lasted two hours.",
             Ev("USA", "CHN", "04"), Ev("CHN", "USA", "04")),
        case("Germany's expulsion of Russian diplomats angered the Kremlin.",
             Ev("DEU", "RUS", "16")),
        case("North Korea's threat of a nuclear attack on Japan alarmed Tokyo.",
             Ev("PRK", "JPN", "13")),
        case("The United Nations investigation into Russian war crimes in Ukraine lasted a year.",
             Ev("UNO", "RUS", "09")),
        case("Qatar launched a mediation effort between Israel and Hamas.",
             Ev("QAT", "ISR", "04", cameo="045"), Ev("QAT", "PSE", "04", cameo="045")),
        case("Three soldiers were killed by an improvised explosive device near Kandahar.",
             Ev("AFG", None, "19", source_sector="UAF")),
        case("Zelensky asked Italy for more air defence systems during his visit to Rome.",
             Ev("UKR", "ITA", "02"), Ev("UKR", "ITA", "04", cameo="042")),
        case("The Myanmar army forced thousands of Rohingya villagers to flee to Bangladesh.",
             Ev("MMR", None, "20", cameo="201")),
        # an arrest named as a noun with no one making it: the police of the state
        case("Thousands protested in Istanbul against the arrest of the city's mayor.",
             Ev("TUR", "TUR", "14"), Ev("TUR", "TUR", "17", cameo="173", source_sector="COP")),
        # a place noun with a nationality adjective places the protest in that state
        case("Protests spread to dozens of Iranian cities.",
             Ev("IRN", "IRN", "14", source_sector="OPP", target_sector="GOV")),
        # a mediation named in a phrase is an act, between the sides of the verb it serves
        case("Russia and Ukraine exchanged 150 prisoners each, thanks to the mediation of the "
             "United Arab Emirates.",
             Ev("ARE", "RUS", "04", cameo="045"), Ev("ARE", "UKR", "04", cameo="045")),
        # the noun says what is allowed or eased
        case("Uzbekistan allowed the delivery of grain to Afghanistan.",
             Ev("UZB", "AFG", "08", cameo="0863")),
        case("Serbia eased emergency measures on Wednesday.",
             Ev("SRB", None, "08", cameo="0814")),
        # aid "for" someone goes to them, though the phrase hangs on the amount
        case("Biden announced 100 million dollars of humanitarian aid for the Palestinians.",
             Ev("USA", "PSE", "07")),
        # support "for" something goes to whom it concerns
        case("The European Union expressed support for Palestinian statehood.",
             Ev("EUR", "PSE", "05")),
        # refusing to give something away is aimed at whom it would go to
        case("Denmark refused to sell Greenland to the United States.",
             Ev("DNK", "USA", "12")),
        case("The Danish government refused to cede Greenland to the United States.",
             Ev("DNK", "USA", "12", cameo="124")),
        # a meeting named by its city is where it is, not its host's act
        case("The Washington summit opened on Tuesday.", no_event=True),
        # a rejected demand was made of whom rejects it
        case("South Korea has rejected North Korea's demand to end its alliance with Washington.",
             Ev("KOR", "PRK", "12"), Ev("PRK", "KOR", "10")),
        # who survives an attempt on a life is its target; the attackers are unnamed, and the
        # attempt is no assassination (186)
        case("President Zelensky survived an assassination attempt in Kyiv.",
             Ev("UKR", "UKR", "18", cameo="185", source_sector="UAF", target_sector="GOV")),
        # clashes "pitting" one side against another: each fights the other
        case("Heavy clashes pitting the Israeli army against Hamas fighters broke out in Gaza.",
             Ev("ISR", "PSE", "19", source_sector="MIL"), Ev("PSE", "ISR", "19",
                                                            target_sector="MIL")),
    ],
    # ------------------------------------------------------------------ reported speech
    "reported": [
        case("Kremlin spokesman Dmitry Peskov said Russia had expelled three Estonian "
             "diplomats.",
             Ev("RUS", "EST", "16", speaker="RUS")),
        case("According to the British Ministry of Defence, Russia has deployed new troops to "
             "the border with Finland.",
             Ev("RUS", "FIN", "15", speaker="GBR")),
        case("President Joe Biden said the United States would send more Patriot systems to "
             "Ukraine.",
             Ev("USA", "UKR", "03", speaker="USA")),
        case("Iran's IRNA news agency reported that police had arrested dozens of protesters in "
             "Tehran.",
             Ev("IRN", "IRN", "17", source_sector="COP", speaker="IRN")),
        case("Ukrainian Foreign Minister Dmytro Kuleba said Russian forces had shelled the "
             "railway station in Kramatorsk.",
             Ev("RUS", "UKR", "19", source_sector="MIL", speaker="UKR")),
        case("\"We have signed a cooperation agreement with China,\" Brazilian President Lula "
             "said.",
             Ev("BRA", "CHN", "05", speaker="BRA")),
        case("The Pentagon confirmed that an American drone had been shot down by a Russian "
             "fighter jet over the Black Sea.",
             Ev("RUS", "USA", "19", speaker="USA")),
        case("Israeli Prime Minister Benjamin Netanyahu said Israel had killed a Hezbollah "
             "commander in Beirut.",
             Ev("ISR", "LBN", "18", speaker="ISR")),
        case("NATO Secretary General Jens Stoltenberg said Russia had deployed Iskander missiles "
             "in Kaliningrad.",
             Ev("RUS", None, "15", speaker="IGO")),
        case("Beijing announced that it had suspended climate cooperation with the United "
             "States.",
             Ev("CHN", "USA", "16", speaker="CHN")),
        case("Iran's foreign minister wrote on X that Tehran had released two French citizens.",
             Ev("IRN", "FRA", "08", speaker="IRN")),
        case("According to OPCW inspectors, the Syrian government used chemical weapons against "
             "civilians in Douma.",
             Ev("SYR", "SYR", "20", source_sector="GOV")),
    ],
    # ------------------------------------------------------------------ intent / future
    "intent": [
        case("Chinese Foreign Minister Wang Yi will visit Moscow next week.",
             Ev("CHN", "RUS", "03", cameo="036", intent=True)),
        case("President Joe Biden will meet Japanese Prime Minister Fumio Kishida in Hiroshima.",
             Ev("USA", "JPN", "03", cameo="036", intent=True)),
        case("The European Union plans to impose new sanctions on Iran.",
             Ev("EUR", "IRN", "13", intent=True)),
        case("Germany will supply Ukraine with more Leopard 2 tanks.",
             Ev("DEU", "UKR", "03", intent=True)),
        case("Russian President Vladimir Putin threatened to cut gas supplies to Moldova.",
             Ev("RUS", "MDA", "13")),
        case("North Korea threatened to respond with nuclear force to the American military "
             "drills.",
             Ev("PRK", "USA", "13")),
        case("The Polish government wants to expel the Belarusian ambassador.",
             Ev("POL", "BLR", "13", intent=True)),
        case("Israel vowed to destroy Hamas.",
             Ev("ISR", "PSE", "13", intent=True)),
        case("Indian Prime Minister Narendra Modi will make a state visit to the United States "
             "in June.",
             Ev("IND", "USA", "03", cameo="036", intent=True)),
        case("China intends to strengthen military cooperation with Russia.",
             Ev("CHN", "RUS", "03", intent=True)),
        case("French President Emmanuel Macron announced that France will recognise the State "
             "of Palestine.",
             Ev("FRA", "PSE", "03", intent=True)),
        case("The United States is ready to negotiate with Iran over its nuclear programme.",
             Ev("USA", "IRN", "03", cameo="036")),
        case("The Kremlin warned that it will strike any convoy carrying Western weapons into "
             "Ukraine.",
             Ev("RUS", None, "13", source_sector="GOV")),
        case("Moscow said on Monday that it was ready for talks with Ukraine.",
             Ev("RUS", "UKR", "03", cameo="036", intent=True)),
        # air defence systems and artillery shells are arms
        case("Germany will send additional Patriot air defense systems to Ukraine, Chancellor "
             "Olaf Scholz said.", Ev("DEU", "UKR", "03", cameo="0332", intent=True)),
    ],
    # ------------------------------------------------------------------ relative dates
    "dates": [
        case("Last September, Russian President Vladimir Putin met Xi Jinping in Samarkand.",
             Ev("RUS", "CHN", "04", date="2022-09")),
        case("In December, Zelensky visited Washington.",
             Ev("UKR", "USA", "04", date="2022-12")),
        case("Yesterday French police arrested more than a hundred protesters in Paris.",
             Ev("FRA", "FRA", "17", date="2023-02-28", source_sector="COP")),
        case("On Tuesday, Italian Foreign Minister Antonio Tajani hosted his Egyptian "
             "counterpart Sameh Shoukry in Rome.",
             Ev("ITA", "EGY", "04", date="2023-02-28"), date="2023-03-02"),
        case("In February 2022, Russia invaded Ukraine.",
             Ev("RUS", "UKR", "19", date="2022-02")),
        case("Last month, China held military drills around Taiwan.",
             Ev("CHN", "TWN", "15", date="2023-04"), date="2023-05-10"),
        case("On March 14, 2022, Turkish President Erdogan phoned Putin.",
             Ev("TUR", "RUS", "04", date="2022-03-14"), date="2022-03-20"),
        case("Last year the European Union imposed sanctions on Tehran.",
             Ev("EUR", "IRN", "16", date="2022")),
        case("Three days ago, Italian Prime Minister Giorgia Meloni met Tunisian President Kais "
             "Saied in Tunis.",
             Ev("ITA", "TUN", "04", date="2023-06-07"), date="2023-06-10"),
        case("Last Monday, the British government expelled a Russian diplomat.",
             Ev("GBR", "RUS", "16", date="2023-02-27"), date="2023-03-03"),
        case("On Sunday, thousands of Israelis protested in Tel Aviv against the Netanyahu "
             "government's judicial overhaul.",
             Ev("ISR", "ISR", "14", date="2023-03-12"), date="2023-03-15"),
        case("In 2018 the United States imposed tariffs on Chinese steel.",
             Ev("USA", "CHN", "16", date="2018")),
        case("On January 3, the United States killed Iranian General Qassem Soleimani in a "
             "drone strike in Baghdad.",
             Ev("USA", "IRN", "18", date="2020-01-03"), date="2020-01-05"),
        case("Yesterday the European Commission launched an investigation into Chinese "
             "subsidies for electric cars.",
             Ev("EUR", "CHN", "09", date="2023-10-04"), date="2023-10-05"),
        case("Last Tuesday, Chinese President Xi Jinping received Belarusian President "
             "Alexander Lukashenko in Beijing.",
             Ev("CHN", "BLR", "04", date="2023-02-28"), date="2023-03-03"),
        case("In March 2021, the United States and the European Union imposed sanctions on "
             "Chinese officials over Xinjiang.",
             Ev("USA", "CHN", "16", date="2021-03"), Ev("EUR", "CHN", "16", date="2021-03")),
        # a "when" clause happens when its head clause does; its "he" is that clause's subject
        case("Lukashenko had already visited China last September, when he met Xi in Samarkand.",
             Ev("BLR", "CHN", "04", cameo="042", date="2022-09"),
             Ev("BLR", "CHN", "04", cameo="040", date="2022-09")),
        # a gerund adjunct happens when its head does
        case("Russian forces shelled the city of Kharkiv on Saturday, killing at least six "
             "civilians.", Ev("RUS", "UKR", "19", cameo="190", date="2024-04-13"),
             date="2024-04-15"),
        # "five years after X": X that long before; "its" is Russia's, not the protesters'
        case("Russia restored ties with Georgia, five years after protesters burned down its "
             "embassy in Tbilisi.", Ev("RUS", "GEO", "05"),
             Ev("GEO", "RUS", "17", cameo="1712", date="2010"), date="2015-08-05"),
    ],
    # ------------------------------------------------------------------ role-named actors
    "roles": [
        case("The Italian foreign minister met his Libyan counterpart in Tripoli.",
             Ev("ITA", "LBY", "04", source_sector="GOV", target_sector="GOV")),
        case("In Paris, police arrested dozens of protesters demonstrating against the pension "
             "reform.",
             Ev("FRA", "FRA", "17", source_sector="COP", target_sector="OPP")),
        case("In Colombo, protesters stormed the presidential palace.",
             Ev("LKA", "LKA", "14", source_sector="OPP")),
        case("Moscow accused Kyiv of attacking the Kremlin with drones.",
             Ev("RUS", "UKR", "11", source_sector="GOV", target_sector="GOV")),
        case("The Kremlin rejected the Ukrainian peace proposal.",
             Ev("RUS", "UKR", "12", source_sector="GOV")),
        case("Beijing condemned the visit of the American House speaker to Taiwan.",
             Ev("CHN", "USA", "11", source_sector="GOV")),
        case("The Israeli army bombed Hezbollah positions in southern Lebanon.",
             Ev("ISR", "LBN", "19", source_sector="MIL")),
        case("Houthi rebels seized a merchant ship in the Red Sea.",
             Ev("YEM", None, "18", source_sector="REB")),
        case("The White House criticised the Israeli government over settlement expansion.",
             Ev("USA", "ISR", "11", source_sector="GOV", target_sector="GOV")),
        case("French troops withdrew from Mali.",
             Ev("FRA", "MLI", "08", source_sector="MIL")),
        case("Russia's prosecutor general charged journalist Vladimir Kara-Murza with treason.",
             Ev("RUS", "RUS", "11", source_sector="JUD")),
        case("The Chinese president received the German chancellor in Beijing.",
             Ev("CHN", "DEU", "04", source_sector="GOV", target_sector="GOV")),
        case("The British king offered his condolences to the Turkish people after the "
             "earthquake.",
             Ev("GBR", "TUR", "01", source_sector="GOV")),
        case("In Belgrade, protesters demanded the government's resignation.",
             Ev("SRB", "SRB", "10", source_sector="OPP", target_sector="GOV")),
        case("Milan prosecutors opened an investigation into Italian tourism minister Daniela "
             "Santanche.",
             Ev("ITA", "ITA", "09", source_sector="JUD")),
        # a state's official name with a possessive in it ("People's")
        case("The United States demanded that the Democratic People's Republic of Korea "
             "abandon its nuclear program.",
             Ev("USA", "PRK", "10")),
        case("The Asia-Pacific Economic Cooperation forum agreed to cut tariffs on green goods.",
             Ev("IGO", None, "03")),
        # a name the knowledge base lacks takes what its apposition says
        case("Kenzo Tanaka, the United Nations relief coordinator, demanded that Iraq open the "
             "border.",
             Ev("UNO", "IRQ", "10")),
        # an ethnic group is no citizenry of its namesake state; a common noun ("island") names
        # no state even where another language's name is written so (German "Island")
        case("Serb forces killed three ethnic Albanians in a gunbattle in southern Serbia.",
             Ev("SRB", "SRB", "19", target_sector="CVL")),
        case("The two sides of the divided island of Cyprus agreed to share information on "
             "missing people.",
             Ev("CYP", None, "03")),
        # the opposition's demand with no one named addresses its own government
        case("The Belarusian opposition demanded new elections.",
             Ev("BLR", "BLR", "10", source_sector="OPP", target_sector="GOV")),
        # an inquiry into crimes aims at who committed them, here a non-state sector of the
        # state that investigates
        case("Croatia is investigating abuses by Croatian extremists in the 1990s.",
             Ev("HRV", "HRV", "09", target_sector="RAD")),
        # a name compounded with the victims says whose they are
        case("US drones killed eight al-Qaeda leaders.",
             Ev("USA", "IMG", "18")),
        # the UN has no army to threaten with: its forces' posture is peacekeeping (074)
        case("UN peacekeepers patrolled the border between Lebanon and Israel.",
             Ev("UNO", "LBN", "07", cameo="074")),
        # the Pope is the Holy See, wherever he speaks of
        case("The Pope called for an immediate ceasefire in Gaza.",
             Ev("VAT", None, "02", cameo="0256")),
        # a language's speakers are a people where they live, not the namesake state
        case("Russian speakers in Latvia protested against the new law.",
             Ev("LVA", "LVA", "14", source_sector="CVL")),
        case("The Latvian Constitutional Court cancelled restrictions on the use of the Russian "
             "language.", Ev("LVA", "LVA", "08", cameo="081", source_sector="JUD")),
        # a nationality adjective of two words ("North Korean")
        case("North Korean troops attacked Ukrainian positions.",
             Ev("PRK", "UKR", "19", source_sector="MIL")),
        case("South Korea condemned the North Korean missile launch.", Ev("KOR", "PRK", "11")),
        # a government that protests complains officially; its people demonstrate
        case("The French government protested to Russia over the arrest.",
             Ev("FRA", "RUS", "11", cameo="114")),
    ],
    # ------------------------------------------------------------------ apposition, post-posed subjects
    "syntax": [
        case("Wang Yi, China's top diplomat, met US Secretary of State Antony Blinken in Munich.",
             Ev("CHN", "USA", "04")),
        case("Sergei Lavrov, the Russian foreign minister, accused the United States of fuelling "
             "the conflict.",
             Ev("RUS", "USA", "11")),
        case("\"We will not allow NATO to expand,\" said Russian Foreign Minister Sergei Lavrov, "
             "who met his Chinese counterpart Wang Yi on Monday.",
             Ev("RUS", "CHN", "04")),
        case("Xi Jinping, the Chinese leader, received Belarusian President Alexander "
             "Lukashenko in Beijing.",
             Ev("CHN", "BLR", "04")),
        case("Condemning the Russian attack on Odessa, UN Secretary-General Antonio Guterres "
             "called for an immediate ceasefire.",
             Ev("UNO", "RUS", "11")),
        case("Serbia rejected the plan for Kosovo put forward by the European Union.",
             Ev("SRB", "EUR", "12")),
        # a show of force around a state faces it
        case("China launched large-scale military drills around Taiwan on Monday.",
             Ev("CHN", "TWN", "15")),
        # what is condemned is its author's act
        case("Tokyo condemned the Chinese coast guard's entry into Japanese waters.",
             Ev("JPN", "CHN", "11")),
        # an arrest that names no one making it: the police of where it happens
        case("Two French journalists were arrested in Tehran on Monday.",
             Ev("IRN", "FRA", "17", source_sector="COP", target_sector="MED")),
        # leaving an agreement reduces relations; it is no military withdrawal
        case("The United States withdrew from the Paris climate agreement.",
             Ev("USA", None, "16", cameo="160")),
        # a threat that names no one is aimed at the subject of its condition
        case("Kim Jong Un threatened to use nuclear weapons if South Korea attacked.",
             Ev("PRK", "KOR", "13")),
        # a domestic dyad: the president on his own country's opposition
        case("President Yoweri Museveni has threatened to ban Ugandan opposition candidates.",
             Ev("UGA", "UGA", "13", source_sector="GOV", target_sector="OPP")),
        case("Finland joined NATO in April 2023.", Ev("FIN", "IGO", "05")),
        # a state's own troops are what it offers, not whom: the dative is the target
        case("Syria has again offered its troops to Lebanon's new President Elias Hrawi.",
             Ev("SYR", "LBN", "03")),
        case("Viktor Orban sharply attacked the European Commission in a speech in Budapest.",
             Ev("HUN", "EUR", "11")),
        case("Islamic State militants killed hundreds of Yazidi men in the Sinjar region.",
             Ev("IMG", None, "20", cameo="202")),
        case("The IMF approved a 15.6 billion dollar loan for Ukraine.",
             Ev("IGO", "UKR", "07", cameo="071")),
        case("The US and Japanese navies held joint naval exercises in the Pacific.",
             Ev("USA", "JPN", "06", cameo="062"), Ev("JPN", "USA", "06", cameo="062")),
        # approving a state's accession acts on the candidate, not the organisation
        case("The Turkish parliament approved Finland's accession to NATO.",
             Ev("TUR", "FIN", "05", cameo="050")),
        # a giver in the "from" phrase of a verb of receiving acts on its subject
        case("Ukraine received new Patriot missiles from the United States.",
             Ev("USA", "UKR", "07", cameo="072")),
        # a judge the KB lacks is still a judge, of the article's state
        case("Judge Alejandro Rivera opened fraud investigations against 28 Chilean government "
             "officials.",
             Ev("CHL", "CHL", "09", source_sector="JUD")),
        # a curfew or a state of emergency with no one named binds the state where it applies
        case("The Thai government lifted the state of emergency in Bangkok.",
             Ev("THA", "THA", "08", cameo="0814")),
        case("The Ecuadorian government extended the night-time curfew in Guayaquil.",
             Ev("ECU", "ECU", "17", cameo="1723")),
        # "UN" written in capitals is the United Nations (never the Italian article "un"); an
        # inquiry with no one named looks into the state named in its subject matter
        case("The UN opened an investigation into human rights violations in Xinjiang.",
             Ev("UNO", "CHN", "09")),
        # a complaint's target is whom it is about; whom it is made to only hears it
        case("Poland complained to the European Commission about Russian disinformation.",
             Ev("POL", "RUS", "11", cameo="114")),
        # a general strike threatened is a protest threatened (not a military strike), addressed
        # to the government; the strike itself is only threatened
        case("Greek unions threatened to hold a general strike.",
             Ev("GRC", "GRC", "13", cameo="133"),
             flagged=Ev("GRC", "GRC", "14", flag="hypothetical")),
        # the "of" complement that is the thing acted upon is not the noun's doer: the subject
        # of the statement verb is
        case("Italy announced a suspension of air links with Serbia.",
             Ev("ITA", "SRB", "16", cameo="160")),
        case("The IAEA dispatched inspectors to Iran.", Ev("UNO", "IRN", "09")),
        case("Israel has strengthened its forces in Lebanon.",
             Ev("ISR", "LBN", "15", cameo="154")),
        # an agreement aims at whom what it is for acts on
        case("Germany signed an agreement to supply Ukraine with air defence systems.",
             Ev("DEU", "UKR", "05", cameo="057")),
        # sanctions approved are imposed, not supported
        case("The European Union approved new sanctions against Iran.",
             Ev("EUR", "IRN", "16", cameo="163")),
        # an appeal "for" a ceasefire is the ceasefire appeal, not a bare appeal: the content
        # word beats the particle among the entries' words
        case("South Africa's president called for an immediate ceasefire in Gaza.",
             Ev("ZAF", None, "02", cameo="0256")),
        # an answer in a clause on a noun that restates another act answers that act's doer
        case("Washington accused Beijing of supplying weapons to Moscow, an accusation China "
             "rejected.",
             Ev("USA", "CHN", "11"), Ev("CHN", "USA", "12")),
        # a definite event noun with no owner is the act the article told before
        case("Lukashenko visited Beijing on Tuesday. The United States and the European Union "
             "criticised the visit.",
             Ev("BLR", "CHN", "04", cameo="042"), Ev("USA", "BLR", "11", sentence=1),
             Ev("EUR", "BLR", "11", sentence=1)),
        # a visit to a place named inside, or beside, what is visited goes to that place's state
        case("The German defence minister visited the Aviano air base in Italy.",
             Ev("DEU", "ITA", "04", cameo="042"), date="2025-03-01"),
        # statements against someone are a criticism
        case("The Israeli foreign minister's statements against Pedro Sánchez angered Madrid.",
             Ev("ISR", "ESP", "11", cameo="111"), date="2024-05-20"),
        # a thing a relative clause says someone made or wants is theirs
        case("Tehran rejected the plan that Washington proposed.",
             Ev("IRN", "USA", "12")),
        # aid, and the offer of it, goes to the state of the place its phrases name
        case("U.N. helicopters evacuated the wounded from the besieged Bosnian town of Gorazde.",
             Ev("UNO", "BIH", "07")),
        case("France is ready to contribute 4,000 troops to a peacekeeping force in Liberia.",
             Ev("FRA", "LBR", "03")),
        # a protest with no target of its own is aimed as the demand it is held for
        case("Islamic fundamentalists continued their hunger strike to demand the resignation "
             "of Algerian President Abdelmadjid Tebboune.",
             Ev("DZA", "DZA", "14", target_sector="GOV"), date="2024-01-10"),
        # killed "in" a bombing, with no one named: the unidentified attackers of where it was
        case("Three civilians were killed in a car bombing in Baghdad.",
             Ev("IRQ", "IRQ", "19", source_sector="UAF", target_sector="CVL")),
        # a weapon named by its state is that state's forces, not unidentified attackers
        case("A Russian missile killed five civilians in Kharkiv.",
             Ev("RUS", "UKR", "19", source_sector="MIL", target_sector="CVL"),
             date="2024-04-15"),
        # a document speaks for whoever adopted or issued it
        case("The UN Security Council adopted a resolution demanding an immediate ceasefire.",
             Ev("UNO", None, "10")),
        case("A statement issued by the Chinese Foreign Ministry criticised Japan.",
             Ev("CHN", "JPN", "11", source_sector="GOV")),
        # "it" as the subject of a reported clause is the reporter (a state), not whoever the
        # last sentence named
        case("The European Parliament condemned Belarus. Poland denied that it had sent troops "
             "to Ukraine.", Ev("EUR", "BLR", "11"), flagged=Ev("POL", "UKR", "15")),
        # force placed in a state named after a compass adjective strikes that state; a threat
        # of it is aimed there too
        case("Turkey launched a new military operation in northern Syria.",
             Ev("TUR", "SYR", "19")),
        case("Erdogan threatened to launch a new military operation in northern Syria.",
             Ev("TUR", "SYR", "13", cameo="138"), date="2024-04-15"),
        # a word joined to the verb by a hyphen decides before the object's
        case("North Korea test-fired a ballistic missile.", Ev("PRK", None, "15", cameo="150")),
        # barring someone from doing something restricts them
        case("The Taliban barred women from attending universities.",
             Ev("AFG", "AFG", "17", cameo="172", target_sector="CVL")),
        case("The European Commission launched infringement proceedings against Hungary.",
             Ev("EUR", "HUN", "11", cameo="115")),
        # "up to N" read as a particle and a preposition: the counted victims are the object
        case("Afghan rebels have kidnapped up to 16 Russian civilian advisers.",
             Ev("AFG", "RUS", "18", cameo="181", source_sector="REB")),
        # a group named by its stance towards a state is not that state's
        case("A prominent anti-Syria journalist has been killed in a car bomb explosion in "
             "eastern Beirut.", Ev("LBN", "LBN", "18", target_sector="MED")),
        case("Pro-Russian separatists shelled Mariupol.",
             Ev("UKR", "UKR", "19", cameo="194", source_sector="SEP")),
        # settlers are a sector of their own; exploding bombs is a bombing
        case("Israeli settlers set fire to a Palestinian village near Nablus.",
             Ev("ISR", "PSE", "17", cameo="1712", source_sector="SET")),
        case("Rebels exploded two bombs in Kabul.", Ev("AFG", None, "18", cameo="183")),
        # the state hyphened to "owned" or "flagged" owns the thing
        case("The Houthis attacked a British-owned cargo ship in the Red Sea.",
             Ev("YEM", "GBR", "19")),
        case("Iran seized a Greek-flagged tanker in the Gulf of Oman.",
             Ev("IRN", "GRC", "18", cameo="181")),
        # "its embassy in Quito": Quito is where the embassy is, its owner whose it is
        case("Mexico broke off relations with Ecuador after Ecuadorian police raided its embassy "
             "in Quito.", Ev("MEX", "ECU", "16"), Ev("ECU", "MEX", "19", source_sector="COP")),
        # a people's or a faith's name before a place is no part of the place's name
        case("A journalist was killed in a car bomb explosion in a residential sector of mostly "
             "Christian eastern Beirut.", Ev("LBN", "LBN", "18", target_sector="MED")),
        # the weapons an attack is made with are its means, not its aim
        case("Russia launched a massive attack with drones and missiles on Ukrainian energy "
             "infrastructure.", Ev("RUS", "UKR", "19")),
        # a blast named by its weapon is the act of unidentified attackers
        case("A minefield explosion near the town of Samarra killed two Iraqi youths on Sunday.",
             Ev("IRQ", "IRQ", "19", source_sector="UAF")),
    ],
    # ------------------------------------------------------------------ modality (hypothetical)
    "modality": [
        case("If Russia attacked Moldova, NATO could intervene.",
             flagged=Ev("RUS", "MDA", "19", flag="hypothetical")),
        case("President Joe Biden may meet Xi Jinping in November.",
             flagged=Ev("USA", "CHN", "04", flag="hypothetical")),
        case("Iran possibly supplied ballistic missiles to Russia.",
             flagged=Ev("IRN", "RUS", "07", flag="hypothetical")),
        case("Should Beijing invade Taiwan, the United States would impose sanctions on China.",
             flagged=(Ev("CHN", "TWN", "19", flag="hypothetical"),
                      Ev("USA", "CHN", "16", flag="hypothetical"))),
        # a refusal to comment is itself an act: decline comment (011), modal or not
        case("The White House would not comment on the report.",
             Ev("USA", None, "01", cameo="011")),
        case("A possible meeting between Joe Biden and Xi Jinping was discussed in the press.",
             flagged=Ev("USA", "CHN", "04", flag="hypothetical")),
        case("The European Union may halt its mediation efforts between Serbia and Kosovo.",
             flagged=Ev("EUR", "SRB", "16", flag="hypothetical")),
        case("Portugal backed Ukraine's efforts to become a member of the European Union.",
             Ev("PRT", "UKR", "05"), flagged=Ev("UKR", "EUR", "05", flag="hypothetical")),
        # the aim of a trip that may not happen does not happen either
        case("Kim Jong Un could travel to Russia next month to meet Putin.",
             flagged=Ev("PRK", "RUS", "04", flag="hypothetical")),
        # what someone is urged to do is theirs to do (object control)
        case("Qatar urged Israel to stop the bombing of Gaza.",
             Ev("QAT", "ISR", "02"), flagged=Ev("ISR", None, "08", flag="hypothetical")),
        # what a resolution asks for has not happened
        case("China abstained on a resolution for the withdrawal of Russian troops.",
             flagged=Ev("RUS", None, "08", cameo="0874", flag="hypothetical")),
    ],
    # ------------------------------------------------------------------ no political event
    "none": [
        case("Temperatures in London topped 30 degrees Celsius over the weekend.", no_event=True),
        case("Italy beat France 3-1 in the final of the European volleyball championship.",
             no_event=True),
        case("The Louvre recorded a record number of visitors in 2023.", no_event=True),
        case("Apple unveiled its new iPhone at an event in California.", no_event=True),
        case("A Navy mechanic pleaded guilty on Monday to fraud charges.", no_event=True),
    ],
}

# ------------------------------------------------------------------ clutter
BODY_QUIET = ("Temperatures in London topped 30 degrees Celsius over the weekend. "
              "Forecasters expect the hot spell to last until Thursday.")
BODY_EVENT = ("French President Emmanuel Macron met Italian Prime Minister Giorgia Meloni in "
              "Rome yesterday. The two leaders discussed migration for several hours.")
COOKIE = ("We use cookies to improve your experience on our site. By continuing to browse you "
          "agree to our use of cookies.\nAccept all\nReject")
BIO = ("John Smith is a foreign correspondent based in Moscow. He has covered the war in "
       "Ukraine for the paper since 2014 and has interviewed Vladimir Putin.")
RELATED = ("More stories\nPutin threatens NATO with retaliation\nBiden meets Zelensky in Kyiv\n"
           "Iran arrests two French journalists\nChina condemns new US sanctions")
CLUTTER_HTML = f"""<!doctype html><html lang="en"><head><title>London swelters</title></head>
<body><div id="cookie-banner"><p>{COOKIE.splitlines()[0]}</p><button>Accept all</button>
<button>Reject</button></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>London swelters in record heat</h1>
<p>Temperatures in London topped 30 degrees Celsius over the weekend.</p>
<p>Forecasters expect the hot spell to last until Thursday, and the health service advised
older people to stay indoors during the hottest hours.</p>
<div class="author-bio"><p>{BIO}</p></div></article>
<aside class="related"><h3>More stories</h3><ul>
<li><a href="/1">Putin threatens NATO with retaliation</a></li>
<li><a href="/2">Biden meets Zelensky in Kyiv</a></li>
<li><a href="/3">Iran arrests two French journalists</a></li>
<li><a href="/4">China condemns new US sanctions</a></li></ul></aside>
<footer><p>© 2023 The Daily Paper. All rights reserved.</p></footer></body></html>"""

CLUTTER = {
    "clutter-text-quiet": case("\n\n".join([COOKIE, BODY_QUIET, BIO, RELATED]), no_event=True),
    "clutter-html-quiet": case(CLUTTER_HTML, no_event=True, fmt="html"),
    "clutter-text-event": case("\n\n".join([COOKIE, BODY_EVENT, BIO, RELATED]),
                               Ev("FRA", "ITA", "04", date="2023-02-28")),
}

ALL = {p.values[0]: p.values[1] for p in params(CASES)} | CLUTTER


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder("en")


@pytest.mark.parametrize("case_id, c", params(CASES, "en"))
def test_events(coder, case_id, c):
    check(coder.run(case_id, c), c)


@pytest.mark.parametrize("case_id", sorted(CLUTTER))
def test_clutter_yields_no_event(coder, case_id):
    c = CLUTTER[case_id]
    check_clutter(coder.run(case_id, c), c, BODY_EVENT if "event" in case_id else BODY_QUIET)


def test_case_tables_cover_every_phenomenon():
    check_coverage(CASES)


def test_every_record_matches_the_schema(coder):
    check_schema(coder, ALL)


def test_known_misses_name_real_cases():
    check_known_misses(CASES, "en")
