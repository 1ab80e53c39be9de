"""Read a PETRARCH/TABARI verb dictionary into a Cronaca user trigger lexicon.

``cronaca kb import-petrarch VERBS.txt`` (kind ``verbs``, recognised from the ``--- VERB [CODE]
---`` block headers) writes ``petrarch-<name>.triggers.<lang>.yaml`` into the user knowledge
folder, in the trigger-lexicon format of ``lang/<code>/triggers.yaml`` plus the ``before``,
``after`` and ``forms`` fields (docs/KNOWLEDGE.md).  The coder then prefers these entries to its
own for every verb the dictionary defines.  The file says ``future: act``: PETRARCH codes an act
told in the future tense ("will abandon ties") as the act, with no intent code of its own.

The dictionary format (PETRARCH's documentation, inherited from TABARI):

* comments as in the actor dictionaries (``<!-- -->``, ``#``);
* ``&NAME`` opens a synonym set whose ``+PHRASE`` lines follow; ``&NAME`` inside a pattern stands
  for any member (sets may contain sets);
* ``--- NAME [CODE] ---`` opens a verb block; ``CODE`` is the block's default event code, ``---``
  (or ``+++``, ``###``) none;
* in a block, a line without ``-`` names a verb: ``BAN {BANS BANNED}`` (irregular forms in braces),
  ``WIRE_+TAP`` (``+`` marks the verb among the words of a phrasal verb), optionally with its own
  ``[CODE]``; lines starting with ``+`` add further verbs;
* ``- PRE * POST [CODE]`` is a pattern: the words before ``*`` must precede the verb, those after
  it must follow it; ``$`` and ``+`` mark where the source and target stand, ``%`` a compound,
  ``^`` a skipped noun phrase, ``_`` joins words that must be adjacent.

How it is read into Cronaca's lexicon, and what is approximated (reported as warnings):
every pattern becomes an entry of each verb of its block, with the pattern's words as ``before``
and ``after`` word sequences (matched in order; adjacency enforced only where ``_`` joins
words); the ``$``/``+``/``%``/``^``
markers are dropped, since Cronaca finds the source and the target from the parse, except that
a pattern with the target marker before the verb and the source marker after it (``+ * MONEY $``:
"X received money from Y") makes the entry ``passive_like``, its source read from the
from/by phrase and its subject the target; a code
``A:B`` (PETRARCH's pair of codes: ``A`` from the source to the target, ``B`` back, as a visit and
its hosting) becomes ``code: A`` and ``reverse: B``; a code that is not in Cronaca's CAMEO
table but is well formed (two digits, then one or two digits or capitals: a dictionary's own
codes, "903", "174K") is kept as a user code, coded with its root and no Goldstein score, quad
class or PLOVER type; anything else is skipped with its pattern.  Words that ``_`` joins
("&TIETYPES_MEMOS") must stand together in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cronaca.events.codes import cameo, is_user_code

_HEADER = re.compile(r"^---\s*(?P<name>[^\[]*?)\s*\[(?P<code>[^\]]*)\]\s*---\s*$")
_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")
_MARKERS = set("$+%^")


@dataclass
class Verb:
    head: str                                   # the verb word, lower case
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    code: str | None = None                     # the line's own code, else the block's


@dataclass
class Pattern:
    before: list[list[str]]                     # items; each item: alternative phrases
    after: list[list[str]]
    code: str
    line: int
    inverted: bool = False                      # "+ * ... $": the subject is the target and the
    #                                             source stands after the verb ("+ * MONEY $")


@dataclass
class Block:
    name: str
    code: str | None
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    blocks: list[Block] = field(default_factory=list)
    synsets: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def looks_like_verbs(text: str) -> bool:
    return any(_HEADER.match(line.strip()) for line in text.splitlines())


def _null(code: str) -> bool:
    """No code: empty, or only marks ("---", "+++", "###")."""
    return not re.search(r"[0-9A-Za-z]", code)


def _verb(raw: str, code: str | None) -> Verb:
    """``WIRE_+TAP {WIRE_+TAPPED}`` -> head tap, before [wire], forms [tapped]."""
    forms_raw = _FORMS.search(raw)
    parts = _FORMS.sub(" ", _CODE.sub(" ", raw)).replace("_", " ").split()
    at = next((i for i, w in enumerate(parts) if w.startswith("+")), 0)
    words = [w.strip("+").lower() for w in parts]
    forms = []
    for form in (forms_raw.group(1).split() if forms_raw else []):
        words_of_form = form.replace("_", " ").split()
        i = next((i for i, w in enumerate(words_of_form) if w.startswith("+")), 0)
        forms.append(words_of_form[i].strip("+").lower())
    return Verb(words[at], words[:at], words[at + 1:], list(dict.fromkeys(forms)), code)


def _expand(token: str, synsets: dict[str, list[str]], seen: frozenset = frozenset()) -> list[str]:
    """A pattern token's alternatives as phrases: ``&TIETYPES`` -> [military, economic, ...]."""
    if token.startswith("&"):
        name = token[1:].strip("_").upper()
        if name in seen or name not in synsets:
            raise KeyError(name)
        out = []
        for member in synsets[name]:
            words = member.split()
            if len(words) == 1 and words[0].startswith("&"):
                out += _expand(words[0], synsets, seen | {name})
            else:
                out.append(" ".join(w.lower() for w in words))
        return out
    return [token.lower()]


def _items(raw: str, synsets: dict[str, list[str]]) -> list[list[str]]:
    """A pattern side's items, each a list of alternative phrases.  Words that ``_`` joins
    must stand together, so they make one item whose phrases are every combination of their
    alternatives (``&TIETYPES_MEMOS`` -> "military memos", "economic memos", ...)."""
    items = []
    for token in raw.split():
        parts = [p.strip("".join(_MARKERS)) for p in token.split("_")]
        parts = [p for p in parts if p and p not in _MARKERS]
        if not parts:
            continue
        phrases = [""]
        for part in parts:
            phrases = [f"{a} {b}".strip() for a in phrases for b in _expand(part, synsets)]
        items.append(phrases)
    return items


def parse_verbs(text: str, name: str = "<verbs>") -> VerbDictionary:
    from cronaca.actors.petrarch import _lines

    d = VerbDictionary()
    block: Block | None = None
    synset: str | None = None
    pending: list[tuple[int, str, Block]] = []       # patterns read once all synsets are known
    for number, line in _lines(text):
        where = f"{name}:{number}"
        stripped = line.strip()
        if m := _HEADER.match(stripped):
            code = m.group("code").strip()
            block = Block(m.group("name").strip("_ ").lower(), None if _null(code) else code,
                          number)
            d.blocks.append(block)
            synset = None
        elif stripped.startswith("&"):
            synset = stripped[1:].split()[0].strip("_").upper()
            d.synsets[synset] = []
            block = None
        elif stripped.startswith("+") and synset is not None:
            d.synsets[synset].append(" ".join(stripped[1:].replace("_", " ").split()))
        elif stripped.startswith("-"):
            if block is None:
                d.warnings.append(f"{where}: pattern outside a verb block; skipped")
                continue
            pending.append((number, stripped[1:], block))
        elif block is not None:
            codes = _CODE.findall(stripped)
            own = codes[0].strip() if codes else None
            block.verbs.append(_verb(stripped, block.code if own is None else
                                     None if _null(own) else own))
        else:
            d.warnings.append(f"{where}: cannot read {stripped!r}; skipped")
    for number, raw, owner in pending:
        where = f"{name}:{number}"
        codes = _CODE.findall(raw)
        if not codes:
            d.warnings.append(f"{where}: pattern without a code; skipped")
            continue
        body = _CODE.sub(" ", raw)
        if "*" not in body:
            d.warnings.append(f"{where}: pattern without '*' (the verb); skipped")
            continue
        pre, post = body.split("*", 1)
        try:
            pattern = Pattern(_items(pre, d.synsets), _items(post, d.synsets), codes[0].strip(),
                              number, inverted="+" in pre.split() and "$" in post.split())
        except KeyError as exc:
            d.warnings.append(f"{where}: synonym set &{exc.args[0]} is not defined; skipped")
            continue
        owner.patterns.append(pattern)
    return d


def _cameo(code: str | None, where: str, warnings: list[str]) -> tuple[str, str | None] | None:
    """(code, reverse code) of ``A`` or ``A:B`` (PETRARCH: A from the source to the target, B
    back); None when there is no code or it is neither a CAMEO code nor a well-formed user code
    (``codes.USER_CODE``: a dictionary's own codes, "903", "174K")."""
    if code is None or _null(code):
        return None
    first, _, second = (part.strip() for part in code.partition(":"))
    for part in filter(None, (first, second)):
        if part in cameo():
            continue
        if is_user_code(part):            # a dictionary's own code ("903"): kept, with no
            warnings.append(f"{where}: [{code}]: {part} is not a CAMEO code; kept as a user "
                            "code (no Goldstein score, quad class or PLOVER type)")   # score
        elif part == first:
            warnings.append(f"{where}: [{code}] is not a CAMEO code nor a user code; skipped")
            return None
        else:
            warnings.append(f"{where}: [{code}]: {second} is not a CAMEO code nor a user "
                            f"code; kept {first} alone")
            second = ""
    return first, second or None


def trigger_entries(d: VerbDictionary) -> tuple[list[dict], list[str]]:
    """Trigger-lexicon verb entries for every verb and pattern of the dictionary; warnings."""
    warnings: list[str] = []
    entries: list[dict] = []

    def entry(verb: Verb, codes: tuple[str, str | None], before: list[list[str]],
              after: list[list[str]], inverted: bool = False) -> dict:
        e: dict = {"lemma": verb.head, "code": codes[0]}
        if codes[1]:
            e["reverse"] = codes[1]
        if verb.forms:
            e["forms"] = verb.forms
        before = [[w] for w in verb.before] + before
        after = [[w] for w in verb.after] + after
        if inverted:
            e["passive_like"] = True
        if before:
            e["before"] = ["|".join(alt) for alt in before]
        if after:
            e["after"] = ["|".join(alt) for alt in after]
        return e

    for block in d.blocks:
        if not block.verbs:
            warnings.append(f"line {block.line}: block {block.name!r} names no verb; skipped")
            continue
        coded = [(p, c) for p in block.patterns
                 if (c := _cameo(p.code, f"line {p.line}", warnings)) is not None]
        for verb in block.verbs:
            for p, c in coded:
                entries.append(entry(verb, c, p.before, p.after, p.inverted))
            code = _cameo(verb.code, f"line {block.line} ({verb.head})", warnings)
            if code is not None:
                entries.append(entry(verb, code, [], []))
    unique = list({repr(sorted(e.items())): e for e in entries}.values())
    return unique, list(dict.fromkeys(warnings))


def covered(d: VerbDictionary) -> list[str]:
    """Every verb word the dictionary defines (with its forms): the coder's own entries for these
    words give way to the dictionary's, even where the dictionary codes nothing."""
    return sorted({w for b in d.blocks for v in b.verbs for w in [v.head, *v.forms]})
