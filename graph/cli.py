"""The ``etkg`` command: a thin layer over the Python API.

Exit status: 0 ok, 2 bad input or usage, 1 internal error. Errors are one line on stderr.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Callable

import click

from .documents import InputError, Skipped, parse_date, read_documents
from .nlp import DEFAULT_MODEL, ModelError

BAD_INPUT = 2


class BadInput(click.ClickException):
    exit_code = BAD_INPUT


def _date_option(name: str, help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def convert(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
        if value is None:
            return None
        try:
            return parse_date(value, f"--{param.name}")
        except InputError as exc:
            raise click.BadParameter(str(exc).split(": ", 1)[1]) from None

    return click.option(name, callback=convert, metavar="YYYY-MM-DD", help=help)


model_option = click.option("--model", default=DEFAULT_MODEL, show_default=True,
                            help="Any installed spaCy pipeline, e.g. en_core_web_trf.")
date_option = _date_option("--date", "Publication date for documents that carry none.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="etkg")
def cli() -> None:
    """Event-timeline knowledge graphs from news articles."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for graph.ttl, graph.trig, timeline.html, map.html, index.html, events.csv, entities.csv.")
@date_option
@model_option
def build(inputs: tuple[str, ...], out_dir: Path, date: dt.date | None, model: str) -> None:
    """Build the graph and views of articles (.txt, .json, .jsonl, .html; files, folders, globs).

    Example: etkg build seeds/ --out out/
    """
    from .api import build as build_graph
    from .outputs import OutputError, check_writable, write_outputs

    try:
        check_writable(out_dir)
        kg = build_graph(inputs, date=date, model=model, warn=_warn)
    except (OutputError, ModelError) as exc:
        raise BadInput(str(exc)) from None
    for item in kg.skipped:
        _warn(f"skipped {item}")
    documents = kg.count_documents()
    if documents == 0:
        raise BadInput("no document could be read")
    written = write_outputs(kg, out_dir)
    n_entities, n_events = len(kg.entities()), len(kg.events())
    click.echo(f"{documents} document{'s' * (documents != 1)} read, {len(kg.skipped)} skipped; "
               f"{n_entities} entities, {n_events} events, {len(kg)} triples")
    for item in kg.skipped:
        click.echo(f"  skipped {item}")
    click.echo(f"wrote {', '.join(p.name for p in written)} to {out_dir}/")
    if kg.skipped:
        sys.exit(BAD_INPUT)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as JSON (the only format so far).")
@date_option
@model_option
def extract(file: Path, as_json: bool, date: dt.date | None, model: str) -> None:
    """Print one document's entities, time expressions and events as JSON.

    Example: etkg extract seeds/000_aa0594ff2652d761.txt --json
    """
    from .extract import extract_one

    docs = list(read_documents([file], date=date, warn=_warn))
    bad = [d for d in docs if isinstance(d, Skipped)]
    if bad:
        raise BadInput(str(bad[0]))
    if len(docs) != 1:
        raise BadInput(f"{file}: holds {len(docs)} documents; extract takes one")
    try:
        ex = extract_one(docs[0], model=model)
    except ModelError as exc:
        raise BadInput(str(exc)) from None
    click.echo(json.dumps(ex.to_json(), ensure_ascii=False, indent=2))


@cli.command()
@_date_option("--dct", "Document creation time that relative expressions resolve against.")
@click.option("--json-in", is_flag=True, help='Read {"text": ..., "dct": ...} instead of plain text.')
@model_option
def timex(dct: dt.date | None, json_in: bool, model: str) -> None:
    """Tag and normalise time expressions in text read from stdin (TimeML TIMEX3 values).

    Example: echo "Talks resume on Wednesday." | etkg timex --dct 2022-03-30
    """
    from dataclasses import asdict

    from .nlp import load_pipeline
    from .timex import tag

    text = sys.stdin.read()
    if json_in:
        try:
            obj = json.loads(text)
            text = obj["text"]
            if obj.get("dct"):
                dct = parse_date(str(obj["dct"]), "dct")
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise BadInput(f"stdin: expected a JSON object with \"text\" and optional \"dct\" ({exc})") from None
        except InputError as exc:
            raise BadInput(str(exc)) from None
    try:
        nlp = load_pipeline(model)
    except ModelError as exc:
        raise BadInput(str(exc)) from None
    click.echo(json.dumps([asdict(t) for t in tag(text, dct, nlp=nlp)], ensure_ascii=False, indent=2))


def _load(path: Path):  # noqa: ANN202 - KnowledgeGraph, imported lazily for a fast --help
    from .api import load

    if not path.exists():
        raise BadInput(f"{path}: no such file")
    try:
        return load(path)
    except Exception as exc:  # rdflib raises many parser-specific types for a malformed file
        raise BadInput(f"{path}: cannot read graph ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None


@cli.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.argument("query")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")
def query(graph_file: Path, query: str, as_csv: bool) -> None:
    """Run a SPARQL query on a saved graph (etkg prefixes are predeclared).

    Example: etkg query out/graph.ttl "SELECT ?name WHERE { ?e a sem:Actor ; rdfs:label ?name }"
    """
    kg = _load(graph_file)
    try:
        result = kg.sparql(query)
    except Exception as exc:  # pyparsing and rdflib report bad queries with various types
        raise BadInput(f"bad SPARQL query: {str(exc).splitlines()[0]}") from None
    if isinstance(result, bool):
        click.echo("true" if result else "false")
    elif hasattr(result, "to_csv"):
        click.echo(result.to_csv(index=False) if as_csv else result.to_string(index=False), nl=not as_csv)
    else:
        click.echo(result.serialize(format="turtle"))


@cli.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
def view(graph_file: Path, out_dir: Path) -> None:
    """Render timeline.html, map.html and index.html from a saved graph.

    Example: etkg view out/graph.trig --out views/
    """
    from .outputs import VIEW_OUTPUTS, OutputError, write_outputs

    kg = _load(graph_file)
    try:
        written = write_outputs(kg, out_dir, VIEW_OUTPUTS)
    except OutputError as exc:
        raise BadInput(str(exc)) from None
    click.echo(f"wrote {', '.join(p.name for p in written)} to {out_dir}/")


def _warn(message: str) -> None:
    click.echo(f"etkg: warning: {message}", err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line per error on stderr, never a traceback for bad input."""
    try:
        cli.main(args=argv, prog_name="etkg", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("etkg: aborted", err=True)
        sys.exit(130)
    except click.UsageError as exc:
        click.echo(f"etkg: error: {exc.format_message()}", err=True)
        sys.exit(BAD_INPUT)
    except click.ClickException as exc:
        click.echo(f"etkg: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # the last resort: a bug of ours, reported as one line with exit 1
        click.echo(f"etkg: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
