"""The ``etkg`` command: a thin layer over the Python API.

Exit status: 0 ok, 2 bad input or usage, 1 internal error. Errors are one line on stderr.
"""
from __future__ import annotations

import datetime as dt
import gc
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import click

from .io import InputError, Skipped, parse_date, read_documents
from .records import DEFAULT_MODEL

BAD_INPUT = 2
#: Allocations between two young-generation collections during ``etkg build`` (Python's default: 700).
BUILD_GC_THRESHOLD = 10_000


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


def _events_option(default: str, what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--events", "events", type=click.Choice(["confident", "all"]), default=default, show_default=True,
        help=f"Which events {what} show: the confident tier (typed, with a participant a reader would know) "
             "or all, OTHER and low-confidence ones too (each with its confidence; the graph holds all).")


events_option = _events_option("confident", "the tables and views")
#: ``etkg extract`` is the record of one document's extraction: every event, with its confidence.
extract_events_option = _events_option("all", "the JSON should")
gazetteer_option = click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False), metavar="FILE.csv",
                                help="CSV (name,aliases,kind,iri) that pins entity identities, e.g. Wikidata IRIs.")


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
@gazetteer_option
@click.option("--format", "formats", multiple=True, type=click.Choice(["turtle", "trig", "jsonld", "nquads", "graphml", "gexf"]),
              help="Also write the graph as graph.jsonld or graph.nq, the entity network as graph.graphml "
                   "or graph.gexf for Gephi (repeatable).")
@click.option("--append", is_flag=True,
              help="Add to the graph.trig already in --out; a document read again replaces its earlier version.")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Extract into this Oxigraph store folder (created if missing; it keeps earlier documents).")
@click.option("--endpoint", metavar="URL",
              help="Also PUT each document's named graph to this SPARQL 1.1 Graph Store Protocol endpoint.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes (or Dask workers with --engine dask).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: this machine's processes, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a LocalCluster.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--views/--no-views", default=True, show_default=True,
              help="Write timeline.html, map.html and index.html (skip them for a large store).")
@click.option("--corrections", "corrections_file", type=click.Path(exists=True, dir_okay=False), metavar="FILE.csv",
              help="An analyst's corrections (action,subject,value,note), applied to every document, stored ones too.")
@events_option
def build(inputs: tuple[str, ...], out_dir: Path, date: dt.date | None, model: str, gazetteer: str | None,
          formats: tuple[str, ...], append: bool, store_dir: Path | None, endpoint: str | None,
          workers: int, engine: str, scheduler: str | None, progress: bool | None, views: bool,
          corrections_file: str | None, events: str) -> None:
    """Build the graph and views of articles (.txt, .json, .jsonl, web pages, WARC, RSS/Atom;
    files, folders, globs).

    Example: etkg build seeds/ --out out/ --format jsonld --endpoint http://127.0.0.1:7878/store

    Example: etkg build crawl.warc.gz feed.xml saved-pages/ --out out/

    Example: etkg build archive/*.jsonl --store corpus.oxigraph --workers 2 --out out/

    Example: etkg build seeds/ --corrections corrections.csv --out out/
    """
    # A build makes millions of short-lived objects (tokens, records, terms) and keeps few: the
    # collector's default pace (every 700 allocations) took 4% of its CPU, this one a half of that.
    gc.set_threshold(BUILD_GC_THRESHOLD, 10, 10)
    from .api import build as build_graph
    from .api import load_corrections
    from .corrections import CorrectionsError
    from .nlp.entities import GazetteerError
    from .nlp.pipeline import ModelError
    from .outputs import OutputError, check_writable, out_lock, output_names, write_outputs
    from .store import GraphStoreClient, StoreError

    names = output_names(formats, views)
    try:
        corrections = load_corrections(corrections_file, _error) if corrections_file else None
        # The lock covers reading the earlier graph.trig (--append) through writing the new set,
        # so that two builds into one folder add up instead of one overwriting the other.
        with out_lock(out_dir, notify=_warn):
            check_writable(out_dir, names)
            client = GraphStoreClient(endpoint) if endpoint else None
            base = _base_graph(out_dir, append, store_dir)
            kg = build_graph(inputs, date=date, model=model, kg=base, warn=_warn, gazetteer=gazetteer,
                             workers=workers, engine=engine, scheduler=scheduler,
                             progress=sys.stderr.isatty() if progress is None else progress,
                             corrections=corrections)
            bad = [item for item in kg.skipped if item.bad]
            for item in bad:
                _warn(f"skipped {item}")
            documents = kg.count_documents()
            if documents == 0:
                raise BadInput("no document could be read" + "".join(f"; {line.strip()}" for line in _read_lines(kg)))
            written = write_outputs(kg, out_dir, names, complete=True, events=events)
    except (OutputError, ModelError, StoreError, GazetteerError, CorrectionsError) as exc:
        raise BadInput(str(exc)) from None
    pushed = 0
    if client is not None:
        try:
            pushed = client.put_all(kg.graphs())
        except StoreError as exc:
            raise BadInput(str(exc)) from None
    n_entities, n_events, n_all = len(kg.entities()), len(kg.events()), len(kg.events(min_confidence=0))
    held = "in the graph" if base is not None else "read"
    unchanged = f", {kg.unchanged} unchanged" if kg.unchanged else ""
    click.echo(f"{documents} document{'s' * (documents != 1)} {held}, {len(bad)} skipped{unchanged}; "
               f"{n_entities} entities, {n_events} events (and {n_all - n_events} of low confidence), "
               f"{len(kg)} triples")
    for line in _read_lines(kg):
        click.echo(line)
    for item in bad:
        click.echo(f"  skipped {item}")
    if corrections is not None:
        _report_corrections(kg.corrections(), corrections)
    click.echo(f"wrote {', '.join(p.name for p in written)} to {out_dir}/")
    if client is not None:
        click.echo(f"sent {pushed} named graph{'s' * (pushed != 1)} to {endpoint}")
    if bad or (corrections is not None and corrections.problems):
        sys.exit(BAD_INPUT)


def _report_corrections(table, corrections) -> None:  # noqa: ANN001 - a DataFrame and a Corrections
    """A summary line; a warning (not an error) for each row that matched nothing."""
    unmatched = table[table["status"] == "unmatched"]
    for row in unmatched.itertuples():
        _warn(f"{corrections.path or corrections.name}: row {row.row}: {row.action} {row.subject!r} matched nothing")
    click.echo(f"corrections: {len(table) - len(unmatched)} applied, {len(unmatched)} matched nothing, "
               f"{len(corrections.problems)} refused")


#: How the summary names each date source (graph.records.DATE_SOURCES).
DATE_WORDS = {"document": "from the documents", "page": "from the web page", "feed": "from the feed",
              "crawl": "from the crawl (WARC-Date)", "default": "from --date", "none": "undated"}


def _read_lines(kg) -> list[str]:  # noqa: ANN001 - KnowledgeGraph, imported lazily
    """The summary's lines on what reading met: where dates came from, copies folded, what was
    counted rather than read (other languages, crawl records that are not pages)."""
    from .io.base import NOT_READ, SUMMARY_ONLY

    counts = kg.counts
    lines = []
    dates = [f"{counts[f'date: {k}']} {words}" for k, words in DATE_WORDS.items() if counts[f"date: {k}"]]
    if dates:
        lines.append(f"  dates: {', '.join(dates)}")
    if counts["folded"]:
        lines.append(f"  folded {counts['folded']} syndicated cop{'ies' if counts['folded'] != 1 else 'y'} into "
                     "the first document of their story (their URLs are in kg.documents() and schema:url)")
    languages = Counter({k.split(": ", 1)[1]: n for k, n in counts.items() if k.startswith("language: ") and n})
    others = [f"{n} {kind}" for kind, n in sorted(counts.items()) if kind in NOT_READ and n]
    if languages:
        others.insert(0, f"{sum(languages.values())} in another language ("
                         f"{', '.join(f'{lang} {n}' for lang, n in languages.most_common())}; "
                         "--model can name a pipeline for it)")
    if others:
        lines.append(f"  not read: {', '.join(others)}")
    if counts[SUMMARY_ONLY]:
        lines.append(f"  {counts[SUMMARY_ONLY]} {SUMMARY_ONLY}: they hold fewer events than the full story")
    lines += [f"  skipped {item}" for item in kg.skipped if not item.bad and not item.reason.startswith("in language")]
    return lines


def _base_graph(out_dir: Path, append: bool, store_dir: Path | None):  # noqa: ANN202 - KnowledgeGraph | None
    """The graph a build adds to: the store, the earlier graph.trig (--append), or none (a new one)."""
    from .api import open_store

    if store_dir is not None:
        return open_store(store_dir)
    if append and (out_dir / "graph.trig").exists():
        return _load(out_dir / "graph.trig")
    return None


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as JSON (the only format so far).")
@date_option
@model_option
@gazetteer_option
@extract_events_option
def extract(file: Path, as_json: bool, date: dt.date | None, model: str, gazetteer: str | None,
            events: str) -> None:
    """Print one document's entities, time expressions and events as JSON.

    Example: etkg extract seeds/000_aa0594ff2652d761.txt --json
    """
    from .nlp.entities import GazetteerError
    from .nlp.pipeline import ModelError, extract_one, load_pipeline

    docs = list(read_documents([file], date=date, warn=_warn))
    bad = [d for d in docs if isinstance(d, Skipped)]
    if bad:
        raise BadInput(str(bad[0]))
    if len(docs) != 1:
        raise BadInput(f"{file}: holds {len(docs)} documents; extract takes one")
    try:
        ex = extract_one(docs[0], nlp=load_pipeline(model, gazetteer))
    except (ModelError, GazetteerError) as exc:
        raise BadInput(str(exc)) from None
    if events == "confident":
        ex = ex.confident()
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

    from .nlp.pipeline import ModelError, load_timex_pipeline, tag

    text = sys.stdin.read()
    if json_in:
        try:
            obj = json.loads(text)
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise TypeError('"text" must be a string')
            text = obj["text"]
            if obj.get("dct") is not None and not isinstance(obj["dct"], str):
                raise TypeError('"dct" must be a string YYYY-MM-DD')
            if obj.get("dct"):
                dct = parse_date(obj["dct"], "dct")
        except (json.JSONDecodeError, RecursionError, TypeError) as exc:
            raise BadInput(f"stdin: expected a JSON object with \"text\" and optional \"dct\" ({exc})") from None
        except InputError as exc:
            raise BadInput(str(exc)) from None
    try:
        nlp = load_timex_pipeline(model)
    except ModelError as exc:
        raise BadInput(str(exc)) from None
    click.echo(json.dumps([asdict(t) for t in tag(text, dct, nlp=nlp)], ensure_ascii=False, indent=2))


def _load(path: Path):  # noqa: ANN202 - KnowledgeGraph, imported lazily for a fast --help
    from .api import load
    from .store import StoreError

    if not path.exists():
        raise BadInput(f"{path}: no such file")
    try:
        return load(path)
    except StoreError as exc:
        raise BadInput(str(exc)) from None
    except Exception as exc:  # rdflib raises many parser-specific types for a malformed file
        raise BadInput(f"{path}: cannot read graph ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None


@cli.command()
@click.argument("args", nargs=-1, required=True, metavar="[GRAPH] QUERY")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Query this Oxigraph store folder instead of a GRAPH file.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")
@click.option("--allow-remote", is_flag=True,
              help="Let SERVICE (and FROM on a JSON-LD file) fetch from other hosts; refused by default.")
def query(args: tuple[str, ...], store_dir: Path | None, as_csv: bool, allow_remote: bool) -> None:
    """Run a SPARQL query on a saved graph or store (etkg prefixes are predeclared).

    Example: etkg query out/graph.ttl "SELECT ?name WHERE { ?e a sem:Actor ; rdfs:label ?name }"
    """
    from .kg.remote import RemoteQueryError

    expected = 1 if store_dir else 2
    if len(args) != expected:
        raise click.UsageError("give a GRAPH file (or --store DIR) and one QUERY")
    kg = _load(store_dir or Path(args[0]))
    try:
        result = kg.sparql(args[-1], allow_remote=allow_remote)
    except RemoteQueryError as exc:
        raise BadInput(str(exc)) from None
    except Exception as exc:  # pyparsing, rdflib and pyoxigraph report bad queries with various types
        raise BadInput(f"bad SPARQL query: {str(exc).splitlines()[0]}") from None
    if isinstance(result, bool):
        click.echo("true" if result else "false")
    elif hasattr(result, "to_csv"):
        click.echo(result.to_csv(index=False) if as_csv else result.to_string(index=False), nl=not as_csv)
    else:
        click.echo(result.serialize(format="turtle"))


@cli.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
def validate(graph_file: Path) -> None:
    """Check a saved graph or store against the SHACL shapes of ontology/shapes.ttl.

    Example: etkg validate out/graph.trig
    """
    from .rdf.validate import validate as validate_graph

    report = validate_graph(_load(graph_file).dataset)
    if report.conforms:
        click.echo(f"{graph_file}: conforms")
        return
    click.echo(report.results.to_string(index=False))
    raise BadInput(f"{graph_file}: does not conform ({len(report.results)} violations)")


@cli.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@events_option
def view(graph_file: Path, out_dir: Path, events: str) -> None:
    """Render timeline.html, map.html and index.html from a saved graph.

    Example: etkg view out/graph.trig --out views/
    """
    from .outputs import VIEW_OUTPUTS, OutputError, write_outputs

    kg = _load(graph_file)
    try:
        written = write_outputs(kg, out_dir, VIEW_OUTPUTS, events=events)
    except OutputError as exc:
        raise BadInput(str(exc)) from None
    click.echo(f"wrote {', '.join(p.name for p in written)} to {out_dir}/")


def _warn(message: str) -> None:
    click.echo(f"etkg: warning: {message}", err=True)


def _error(message: str) -> None:
    click.echo(f"etkg: error: {message}", err=True)


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
