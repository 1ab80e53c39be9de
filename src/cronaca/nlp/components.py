"""Cronaca's own spaCy components, added to every pipeline after it is loaded."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from cronaca.nlp.segment import abbreviations, split
from cronaca.settings import DEFAULT


@Language.factory("cronaca_sentences", default_config={"max_quote_chars": DEFAULT.max_quote_chars})
def make_sentence_setter(nlp: Language, name: str, max_quote_chars: int):
    return SentenceSetter(nlp.lang, max_quote_chars)


class SentenceSetter:
    """Fix sentence boundaries from the rule-based splitter; the parser then keeps them."""

    def __init__(self, lang: str, max_quote_chars: int):
        self.lang = lang
        self.max_quote_chars = max_quote_chars

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = {span.start for span in split(doc.text, self.lang, self.max_quote_chars)}
        # Sentences start after whitespace, so every start offset is a token's first character.
        for token in doc:
            token.is_sent_start = token.i == 0 or (not token.is_space and token.idx in starts)
        return doc


@Language.factory("cronaca_entities", default_config={"folder": ""})
def make_entity_tagger(nlp: Language, name: str, folder: str):
    from pathlib import Path

    from cronaca.nlp.entities import EntityTagger

    return EntityTagger(Path(folder))


def use_entity_tagger(nlp: Language, folder) -> None:
    """Entities from the fine-tuned encoder instead of the pipeline's own NER."""
    if "ner" in nlp.pipe_names:
        nlp.disable_pipe("ner")
    nlp.add_pipe("cronaca_entities", last=True, config={"folder": str(folder)})


def hyphenated_states(lang: str) -> list[str]:
    """The states whose CLDR name in ``lang`` is one hyphenated word ("Royaume-Uni",
    "Nouvelle-Zélande", "Guinea-Bissau"), which tokenizers split at the hyphen."""
    import pycountry
    from babel import Locale
    from babel.core import UnknownLocaleError

    try:
        names = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        return []
    states = {c.alpha_2 for c in pycountry.countries}
    return sorted({names[code] for code in states & set(names)
                   if "-" in names[code] and " " not in names[code]})


def customise(nlp: Language, lang: str) -> None:
    """Abbreviations and hyphenated state names stay one token; sentences come from Cronaca's
    splitter."""
    for abbr in abbreviations(lang):
        for form in {abbr, abbr[0].upper() + abbr[1:]}:
            nlp.tokenizer.add_special_case(form + ".", [{ORTH: form + "."}])
    for name in hyphenated_states(lang):  # "Royaume-Uni" is one name, not "Royaume", "-", "Uni"
        nlp.tokenizer.add_special_case(name, [{ORTH: name}])
    before = "parser" if "parser" in nlp.pipe_names else None
    if "senter" in nlp.pipe_names:
        nlp.disable_pipe("senter")
    if before:
        nlp.add_pipe("cronaca_sentences", before=before)
    else:
        nlp.add_pipe("cronaca_sentences", first=True)
