"""How results look on a terminal or in a pipe: text, tables and JSON Lines."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cronaca.model import Article


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
