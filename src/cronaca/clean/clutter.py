"""Cronaca's clutter filter: what an extractor leaves around an article's body.

It works line by line on text (the output of HTML extraction, or a plain-text article) and drops
lists of related links, trailing author bios (real or invented), the headline repeated as a
ticker line, cookie and privacy banners, share bars, copyright lines, promotional lines and
photo captions that are bare file names.  Cues come from every language's ``clutter.yaml``
at once, because pages mix languages ("More Stories" under an Italian article).

A real short paragraph must survive, so each rule asks for positive evidence of clutter: an
exact heading, a whole line of share words, a bio's role *and* activity at the article's tail.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from cronaca.lang import resources_for_all
from cronaca.model import Removal

_FILENAME = re.compile(
    r"(?i)^\W*((foto|photo|image|immagine|img|bild|imagen|imagem|picture)\s*[:\-–]?\s*)?"
    r"[\w\-.()%~+]+\.(jpe?g|png|gif|webp|tiff?|bmp|svg|heic|avif)\W*$")
_NETWORKS = {"facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "pinterest",
             "reddit", "messenger", "threads", "bluesky", "mastodon", "flipboard", "tumblr",
             "instagram", "youtube", "tiktok", "vk", "xing", "email", "e-mail", "mail", "sms",
             "rss", "google news"}
_SEPARATORS = re.compile(r"[|•·/,;:\-–—›»«>+_\s]+")
_TERMINAL = (".", "!", "?", ":", ";", "…", ".»", ".”", '."', "!»", "?»", '!"', '?"', ".'")
_WORD = re.compile(r"\w+", re.UNICODE)
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]+"
MAX_LIST_ITEMS = 40


def norm(text: str) -> str:
    """Lower case, typographic quotes folded, punctuation at either end dropped."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"^[\W_]+|[\W_]+$", "", text)
    return re.sub(r"\s+", " ", text)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass
class Cues:
    """The union of every language's clutter cues, compiled once."""

    related: set[str] = field(default_factory=set)
    tickers: set[str] = field(default_factory=set)
    share: set[str] = field(default_factory=set)
    share_fillers: set[str] = field(default_factory=set)
    cookie_buttons: set[str] = field(default_factory=set)
    copyright: list[re.Pattern] = field(default_factory=list)
    cookie: list[re.Pattern] = field(default_factory=list)
    promo: list[re.Pattern] = field(default_factory=list)
    bio_role: list[re.Pattern] = field(default_factory=list)
    bio_activity: list[re.Pattern] = field(default_factory=list)
    bio_follow: list[re.Pattern] = field(default_factory=list)
    bio_headings: set[str] = field(default_factory=set)
    bylines: set[str] = field(default_factory=set)


@cache
def cues() -> Cues:
    merged = Cues()
    for data in resources_for_all("clutter.yaml").values():
        merged.related |= {norm(p) for p in data["related_headings"]}
        merged.tickers |= {norm(p) for p in data["ticker_prefixes"]}
        merged.share |= {norm(p) for p in data["share_words"]}
        merged.share_fillers |= {norm(p) for p in data["share_fillers"]}
        merged.cookie_buttons |= {norm(p) for p in data["cookie_buttons"]}
        merged.copyright += [re.compile(p) for p in data["copyright"]]
        merged.cookie += [re.compile(p) for p in data["cookie_banner"]]
        merged.promo += [re.compile(p) for p in data["promo"]]
        bio = data["author_bio"]
        merged.bio_role += [re.compile(p) for p in bio["role"]]
        merged.bio_activity.append(re.compile(bio["activity"]))
        merged.bio_follow.append(re.compile(bio["follow"]))
        merged.bio_headings |= {norm(p) for p in bio["headings"]}
        merged.bylines |= {p.lower() for p in data["bylines"]}
    return merged


@dataclass
class Block:
    """One line of text, and whether a blank line came before it."""

    text: str
    blank_before: bool = False
    removal: Removal | None = None

    def wrapped_at(self, width: int) -> bool:
        """Whether this line was cut by wrapping: long, and not ending a sentence."""
        return len(self.text) >= 0.6 * width and not self.text.endswith(_TERMINAL)

    def drop(self, reason: str, rule: str) -> None:
        if self.removal is None:
            self.removal = Removal(text=self.text, reason=reason, rule=rule)

    @property
    def kept(self) -> bool:
        return self.removal is None


@dataclass
class Filtered:
    text: str
    removed: list[Removal]
    title: str | None = None         # a title found in plain text
    author: str | None = None        # an author found in a byline


def blocks_from_text(text: str) -> list[Block]:
    """One block per line, with blank-line paragraph marks.

    Hard-wrapped text (most lines cut near one width) is joined back into paragraphs first, so
    that a wrapped sentence is judged whole; other text keeps its lines as they are, because a
    headline, a byline and a list item are separate lines that must stay separate.
    """
    lines = [" ".join(raw.split()) for raw in text.splitlines()]
    width = _wrap_width(lines)
    blocks: list[Block] = []
    blank = False
    for line in lines:
        if not line:
            blank = True
            continue
        prev = blocks[-1] if blocks else None
        if width and prev is not None and not blank and prev.wrapped_at(width):
            prev.text = f"{prev.text} {line}"
        else:
            blocks.append(Block(line, blank_before=blank))
        blank = False
    return blocks


def _wrap_width(lines: list[str]) -> int | None:
    """The width text was hard-wrapped at, or None when it was not."""
    filled = [len(line) for line in lines if line]
    if len(filled) < 6 or max(filled) > 120:
        return None
    width = max(filled)
    near = sum(1 for n in filled if n >= 0.6 * width)
    return width if near >= 0.6 * len(filled) else None


# --------------------------------------------------------------------------- single-line rules


def _made_of(line: str, phrases: set[str], fillers: set[str]) -> tuple[int, int, bool]:
    """How a line splits into ``phrases``: (phrase hits, hits that are not network names,
    whether anything but fillers, separators and counts is left)."""
    text = norm(_SEPARATORS.sub(" ", line))
    rest = f" {text} "
    hits = own = 0
    for phrase in sorted(phrases, key=len, reverse=True):
        pattern = f" {phrase} "
        while pattern in rest:
            rest = rest.replace(pattern, " ", 1)
            hits += 1
            own += phrase not in _NETWORKS
    leftover = [t for t in rest.split()
                if t not in fillers and not re.fullmatch(r"\d+([.,]\d+)?[km]?", t)]
    return hits, own, bool(leftover)


def _share_bar(line: str, c: Cues) -> bool:
    if len(line) > 160:
        return False
    hits, verbs, leftover = _made_of(line, c.share | _NETWORKS, c.share_fillers)
    # One network name alone ("Facebook") may be a real heading; a share verb or several
    # buttons in a row may not.
    return not leftover and (verbs > 0 or hits >= 2)


def _networks_only(line: str, c: Cues) -> bool:
    hits, _, leftover = _made_of(line, _NETWORKS, set())
    return hits > 0 and not leftover


def _cookie_buttons(line: str, c: Cues) -> bool:
    if len(line) > 120:
        return False
    hits, _, leftover = _made_of(line, c.cookie_buttons, set())
    return hits >= 2 and not leftover or norm(line) in {"ok ho capito", "ho capito", "got it"}


def _matches(patterns: list[re.Pattern], text: str) -> str | None:
    for pattern in patterns:
        if pattern.search(text):
            return pattern.pattern
    return None


def _heading(text: str, phrases: set[str]) -> str | None:
    """The related-links phrase that ``text`` is, or starts a short heading with."""
    n = norm(text)
    if n in phrases:
        return n
    if text.rstrip().endswith(_TERMINAL[:3]):
        return None
    words = n.split()
    for size in range(min(len(words), 6), 0, -1):
        head = " ".join(words[:size])
        if head in phrases and len(words) - size <= 3:
            return head
    return None


def _inline_related(text: str, phrases: set[str]) -> str | None:
    """``Leggi anche: <headline>`` on one line."""
    m = re.match(r"^\W*([^:|>»›]{3,40}?)\s*[:|>»›–—]\s*(.{3,200})$", text)
    if m and norm(m.group(1)) in phrases:
        return norm(m.group(1))
    return None


def _ticker(text: str, c: Cues, title_norm: str | None) -> str | None:
    m = re.match(r"^\W*([^:|\-–—]{2,25}?)\s*[:|\-–—]+\s*(.+)$", text)
    if not m or norm(m.group(1)) not in c.tickers:
        return None
    rest = m.group(2)
    if title_norm and norm(rest) == title_norm:
        return "repeated-headline"
    if len(rest) <= 200 and not rest.rstrip().endswith(_TERMINAL[:3]):
        return "ticker"
    return None


def _link_like(block: Block) -> bool:
    text = block.text
    words = _words(text)
    if len(text) > 200 or len(words) > 30:
        return False
    return not text.rstrip().endswith((".", "!", ":", ";")) or len(words) <= 8


def _bio(text: str, c: Cues) -> str | None:
    role = _matches(c.bio_role, text)
    if role and _matches(c.bio_activity, text):
        return "role and activity of a writer"
    if _matches(c.bio_follow, text):
        return "follow-the-author line"
    return None


# --------------------------------------------------------------------------- the filter


def filter_text(text: str, title: str | None = None) -> Filtered:
    """Drop clutter from article text; ``title`` (when known) finds the repeated headline."""
    c = cues()
    blocks = blocks_from_text(text)
    found_title = None
    if not title:
        found_title = _title_line(blocks)
        title = found_title
    title_norm = norm(title) if title else None
    author = _byline(blocks, c)

    i = 0
    while i < len(blocks):
        block = blocks[i]
        i += 1
        if not block.kept:
            continue
        if title_norm and norm(block.text) == title_norm:
            block.drop("repeated-headline" if found_title is None or i > 1 else "title",
                       "line equals the headline")
        elif hit := _single_line(block.text, c, title_norm):
            block.drop(*hit)
            if hit[0] == "share-bar":     # buttons listed one per line under a share bar
                while i < len(blocks) and _networks_only(blocks[i].text, c):
                    blocks[i].drop("share-bar", "share button under a share bar")
                    i += 1
        elif phrase := _heading(block.text, c.related):
            block.drop("related-links", f"heading '{phrase}'")
            i = _drop_list(blocks, i, f"item under '{phrase}'", c, title_norm)
        elif (n := norm(block.text)) in c.bio_headings:
            block.drop("author-bio", f"heading '{n}'")
            while i < len(blocks) and _matches(c.bio_role + c.bio_activity, blocks[i].text):
                blocks[i].drop("author-bio", f"text under '{n}'")
                i += 1
    _drop_tail_bios(blocks, c)

    kept = [b.text for b in blocks if b.kept]
    removed = [b.removal for b in blocks if b.removal is not None]
    return Filtered(text="\n".join(kept), removed=removed, title=found_title, author=author)


def _single_line(text: str, c: Cues, title_norm: str | None) -> tuple[str, str] | None:
    """The clutter kind of one line judged on its own, with the rule that fired."""
    if _FILENAME.match(text):
        return "photo-filename", "caption is a bare image file name"
    if _share_bar(text, c):
        return "share-bar", "line made only of share buttons"
    if _cookie_buttons(text, c):
        return "cookie-banner", "line made only of cookie-banner buttons"
    if len(text) <= 300 and (rule := _matches(c.copyright, text)):
        return "copyright", rule
    if len(text) <= 800 and (rule := _matches(c.cookie, text)):
        return "cookie-banner", rule
    if len(text) <= 200 and (rule := _matches(c.promo, text)):
        return "promo", rule
    if kind := _ticker(text, c, title_norm):
        return kind, "ticker prefix"
    if phrase := _inline_related(text, c.related):
        return "related-links", f"inline '{phrase}' link"
    if phrase := _inline_related(text, c.bio_headings):
        return "author-bio", f"text under '{phrase}'"
    return None


def _drop_list(blocks: list[Block], i: int, rule: str, c: Cues, title_norm: str | None) -> int:
    """Drop the link-like lines that follow a related-links heading; returns the next index."""
    items = 0
    while i < len(blocks) and items < MAX_LIST_ITEMS:
        block = blocks[i]
        if not _link_like(block):
            break
        if items and block.blank_before and len(block.text) > 100:
            break
        hit = _single_line(block.text, c, title_norm)
        block.drop(*(hit or ("related-links", rule)))
        items += 1
        i += 1
    return i


def _drop_tail_bios(blocks: list[Block], c: Cues) -> None:
    """Bios sit at the end of the body: walk back over clutter and drop bios until real text."""
    for block in reversed(blocks):
        if not block.kept:
            continue
        if norm(block.text) in c.bio_headings:
            block.drop("author-bio", "bio heading at the tail")
            continue
        rule = _bio(block.text, c)
        if rule is None:
            return
        block.drop("author-bio", rule)


def _title_line(blocks: list[Block]) -> str | None:
    """In plain text, a short first line without final punctuation is the headline."""
    if len(blocks) < 3:
        return None
    first = blocks[0].text
    words = _words(first)
    if 2 <= len(words) <= 25 and not first.rstrip().endswith(_TERMINAL):
        return first
    return None


def _byline(blocks: list[Block], c: Cues) -> str | None:
    """``Di Mario Rossi`` / ``By Jane Doe`` near the top: the author, dropped from the body."""
    prefixes = "|".join(re.escape(p) for p in sorted(c.bylines, key=len, reverse=True))
    pattern = re.compile(rf"^(?i:{prefixes})\s+({_NAME}(?:\s+(?:{_NAME}|de|di|da|del|van|von|der|dos|da|e|and|y|et|und)){{0,4}})"
                         r"\s*(?:[|,–—-].{0,60})?$")
    for block in blocks[:4]:
        m = pattern.match(block.text)
        if m and len(block.text) <= 100:
            block.drop("byline", "author line at the top")
            return m.group(1)
    return None
