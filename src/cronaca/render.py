"""How results look on a terminal or in a pipe: text, tables and JSON Lines."""

from __future__ import annotations

import json
from dataclasses import asdict

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cronaca.model import Actor, Article, Event


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False)


def _language(article: Article) -> str:
    if article.language is None:
        return "unknown"
    score = f"{article.language_score:.2f}, " if article.language_score is not None else ""
    return f"{article.language} ({score}{article.language_source})"


def metadata_lines(article: Article) -> list[tuple[str, str]]:
    return [
        ("title", article.title or "-"),
        ("author", article.author or "-"),
        ("published", article.published or "-"),
        ("site", article.site or "-"),
        ("language", _language(article)),
        ("source", article.source),
    ]


def print_clean(console: Console, article: Article, explain: bool) -> None:
    for key, value in metadata_lines(article):
        console.print(f"[dim]# {key}:[/dim] {escape(value)}", highlight=False)
    console.print()
    console.print(escape(article.text), highlight=False, soft_wrap=True)
    if explain:
        console.print()
        console.print(f"[dim]# removed: {len(article.removed)}[/dim]")
        for removal in article.removed:
            shown = removal.text if len(removal.text) <= 90 else removal.text[:87] + "..."
            console.print(f"[dim]#   {escape('[' + removal.reason + ']')}[/dim] {escape(shown)} "
                          f"[dim]({escape(removal.rule[:120])})[/dim]", highlight=False,
                          soft_wrap=True)
    console.print()


def print_parse(console: Console, article: Article) -> None:
    for key, value in metadata_lines(article)[:1] + metadata_lines(article)[4:]:
        console.print(f"[dim]# {key}:[/dim] {escape(value)}", highlight=False)
    for sentence in article.sentences:
        console.print()
        console.print(f"[bold]{sentence.index + 1}.[/bold] {escape(sentence.text)}",
                      highlight=False, soft_wrap=True)
        table = Table(show_edge=False, pad_edge=False, box=None, header_style="dim")
        for column in ("#", "token", "lemma", "pos", "dep", "head", "ent", "morph"):
            table.add_column(column, overflow="fold")
        entity_of = {}
        for ent in sentence.entities:
            for tok in sentence.tokens:
                if ent.start <= tok.start and tok.end <= ent.end:
                    entity_of[tok.i] = ent.label
        first = sentence.tokens[0].i if sentence.tokens else 0
        for tok in sentence.tokens:
            head = "root" if tok.head == tok.i else str(tok.head - first + 1)
            table.add_row(str(tok.i - first + 1), escape(tok.text), escape(tok.lemma), tok.pos,
                          tok.dep, head, entity_of.get(tok.i, ""), escape(tok.morph or "-"))
        console.print(table)
        if sentence.entities:
            ents = "; ".join(f"{escape(e.text)} [dim]{e.label}[/dim]" for e in sentence.entities)
            console.print(f"[dim]entities:[/dim] {ents}", highlight=False)
    console.print()


# --------------------------------------------------------------------------- events


def _actor_dict(actor: Actor | None, explain: bool) -> dict | None:
    if actor is None:
        return None
    data = asdict(actor)
    if not explain:
        data.pop("how")
    return data


def event_dict(event: Event, explain: bool = False) -> dict:
    data = asdict(event)
    for role in ("source", "target", "speaker"):
        data[role] = _actor_dict(getattr(event, role), explain)
    if not explain:
        data.pop("rule")
    return data


def article_json(article: Article, events: list[Event], explain: bool) -> dict:
    """One document: metadata, events, quotes and the actors resolved in it."""
    meta = article.to_dict(explain=explain, sentences=False)
    meta.pop("text", None)
    meta.pop("events", None)
    actors: dict[str, dict] = {}
    for event in events:
        for actor in (event.source, event.target, event.speaker):
            if actor is not None:
                ident = actor.kb_id or f"{actor.country}|{actor.sector}|{actor.text}"
                entry = actors.setdefault(ident, {"kb_id": actor.kb_id, "name": actor.name,
                                                  "country": actor.country,
                                                  "sector": actor.sector, "mentions": []})
                if actor.text not in entry["mentions"]:
                    entry["mentions"].append(actor.text)
    meta["text"] = article.text
    meta["quotes"] = [{**quote, "speaker": _actor_dict(q.speaker, explain)}
                      for q, quote in zip(article.quotes, meta.get("quotes") or [])]
    meta["events"] = [event_dict(e, explain) for e in events]
    meta["entities"] = list(actors.values())
    return meta


def _who(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    code = "".join(x for x in (actor.country or "", actor.sector or "")) or "?"
    return f"{actor.name or actor.text} [{code}]"


def print_events(console: Console, article: Article, events: list[Event], explain: bool) -> None:
    from cronaca.events.codes import describe

    console.print(f"[dim]# {escape(article.title or article.source)} "
                  f"({article.language}, {article.published or 'no date'}): "
                  f"{len(events)} event(s)[/dim]", highlight=False)
    table = Table(show_edge=False, box=None, header_style="dim", pad_edge=False)
    for column in ("date", "source", "event", "target", "where", "evidence"):
        table.add_column(column, overflow="fold")
    for e in events:
        flags = "".join(f" [{f}]" for f, on in (("negated", e.negated),
                                                ("hypothetical", e.hypothetical),
                                                ("intent", e.intent)) if on)
        date = f"{e.date or '-'}" + ("" if e.date_source == "text" else "*")
        trigger = e.evidence.trigger
        table.add_row(date, escape(_who(e.source)),
                      escape(f"{e.cameo} {describe(e.cameo).name}{flags}"),
                      escape(_who(e.target)), escape(e.location.name if e.location else "-"),
                      escape(f"…{trigger.text}… ({e.evidence.sentence + 1})"))
        if explain:
            table.add_row("", "", f"[dim]{escape(e.rule or '')}[/dim]", "", "", "")
            for role, actor in (("source", e.source), ("target", e.target), ("speaker", e.speaker)):
                if actor is not None and actor.how:
                    table.add_row("", "", f"[dim]{role}: {escape(actor.how)}[/dim]", "", "", "")
    console.print(table)
    if explain:
        for d in article.discarded:
            where = "the article" if d.sentence is None else f"sentence {d.sentence + 1}"
            console.print(f"[dim]# discarded: {where} "
                          f"{escape(f'(the phrase {d.phrase!r}, {d.file})')}[/dim]",
                          highlight=False)
    console.print("[dim]* date taken from the publication date[/dim]\n")
