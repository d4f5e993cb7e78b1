"""``wmo-exchange``: exports to the CAK, the SVB and care providers, imports of their files.

Exit codes: 0 all done; 1 something was rejected (an import line or message, an export row that
cannot become a valid message, an input file not in its format); 2 wrong usage; 3 a request
failed (service unreachable, 4xx/5xx, not the contract) — what was done is kept, run again to
continue; 4 the state directory cannot be used; 130 interrupted (Ctrl-C or SIGTERM), run again
to resume.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console

from wmo_exchange.antwoorden import Wmo319Sink
from wmo_exchange.durable import atomic_write
from wmo_exchange.exports import (
    ExportResult,
    Feed,
    SingleFileSink,
    new_run_id,
    now_utc,
    run_export,
)
from wmo_exchange.formats.base import FileFormat, RunMeta
from wmo_exchange.formats.cak import CakMutatieFormat
from wmo_exchange.formats.tkb import SvbTkbFormat
from wmo_exchange.http import DEFAULT_PORTS, Api, RequestFailed
from wmo_exchange.imports import ImportSummary, import_bab, import_iwmo
from wmo_exchange.progress import Progress
from wmo_exchange.state import CursorStore, StateError
from wmo_exchange.toewijzingen import AMSTERDAM
from wmo_exchange.wmo301 import Wmo301Sink
from wmo_shared.contracts import (
    CakMutatie,
    IwmoAntwoordFeedItem,
    SvbToekenning,
    ToewijzingFeedItem,
)
from wmo_shared.types import is_agb_code, is_gemeentecode

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_REQUEST_FAILED = 3
EXIT_STATE = 4
EXIT_INTERRUPTED = 130

# the page size a route accepts at most; the default, since a checkpoint (fsync of the data and
# of the cursor) per page costs the same for ten rows as for five thousand
CAK_FEED = Feed("finance", "/api/v1/cak-mutaties", CakMutatie, max_limit=5000)
SVB_FEED = Feed("pgb", "/api/v1/svb-toekenningen", SvbToekenning, max_limit=5000)
TOEWIJZING_FEED = Feed("intake", "/api/v1/toewijzingen", ToewijzingFeedItem, max_limit=5000)
ANTWOORD_FEED = Feed("intake", "/api/v1/iwmo-antwoorden", IwmoAntwoordFeedItem, max_limit=500)
DEFAULT_STATE_DIR = Path(".local/exchange-state")
MAX_LIMIT = 5000


def _common(sub: argparse.ArgumentParser) -> None:
    g = sub.add_argument_group("verbinding en toestand")
    for svc in ("intake", "pgb", "finance"):
        g.add_argument(
            f"--{svc}-url",
            default=os.environ.get(
                f"WMO_{svc.upper()}_URL", f"http://127.0.0.1:{DEFAULT_PORTS[svc]}"
            ),
            help=f"basis-URL van {svc} (env WMO_{svc.upper()}_URL)",
        )
    g.add_argument(
        "--base-url", help="basis-URL van de service van dit commando (gaat voor --<svc>-url)"
    )
    g.add_argument(
        "--token", default=os.environ.get("WMO_TOKEN"), help="bearer token (env WMO_TOKEN)"
    )
    g.add_argument(
        "--state-dir",
        type=Path,
        default=Path(os.environ.get("WMO_EXCHANGE_STATE_DIR", DEFAULT_STATE_DIR)),
        help=f"cursoropslag (standaard {DEFAULT_STATE_DIR})",
    )
    g.add_argument(
        "--limit",
        type=_positive,
        help=f"paginagrootte (1-{MAX_LIMIT}; standaard het maximum van de feed: 5000, WMO319 500)",
    )
    g.add_argument("--timeout", type=float, default=30.0, help="seconden per verzoek")


def _positive(value: str) -> int:
    n = int(value)
    if not 1 <= n <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"tussen 1 en {MAX_LIMIT}")
    return n


def _agb(value: str) -> str:
    if not is_agb_code(value):
        raise argparse.ArgumentTypeError("een AGB-code is 8 cijfers")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wmo-exchange",
        description="Uitwisseling met CAK, SVB en aanbieders (iWmo). Zie docs/exchange.md.",
    )
    groups = parser.add_subparsers(
        dest="group", required=True, metavar="{cak,svb,toewijzingen,iwmo}"
    )

    cak = groups.add_parser("cak", help="CAK eigen bijdrage (iEb)").add_subparsers(
        dest="action", required=True
    )
    p = cak.add_parser("export", help="CAK-mutaties sinds de vorige cursor naar een bestand")
    p.add_argument("--out", type=Path, required=True)
    _common(p)

    svb = groups.add_parser("svb", help="SVB trekkingsrecht (iPgb)").add_subparsers(
        dest="action", required=True
    )
    p = svb.add_parser("export", help="SVB-toekenningen (TKB) sinds de vorige cursor")
    p.add_argument("--out", type=Path, required=True)
    _common(p)
    p = svb.add_parser("import", help="een budgetafsluitbestand (BAB) van de SVB verwerken")
    p.add_argument("file", type=Path)
    p.add_argument("--out", type=Path, help="map voor de samenvatting (standaard: die van FILE)")
    p.add_argument("--opnieuw", action="store_true", help="ook als er al een retour is")
    _common(p)

    tw = groups.add_parser("toewijzingen", help="WMO301 naar aanbieders").add_subparsers(
        dest="action", required=True
    )
    p = tw.add_parser("export", help="WMO301 per toewijzing, per aanbieder in een eigen map")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--aanbieder", type=_agb, help="alleen deze aanbieder (AGB, eigen cursor)")
    _common(p)

    iwmo = groups.add_parser("iwmo", help="iWmo-berichten van aanbieders").add_subparsers(
        dest="action", required=True
    )
    p = iwmo.add_parser("import", help="WMO305/307/315/317/323-bestanden versturen, retour ernaast")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.add_argument("--out", type=Path, help="map voor de samenvatting (standaard: die van FILE)")
    p.add_argument("--opnieuw", action="store_true", help="ook als er al een retour is")
    _common(p)
    p = iwmo.add_parser("export", help="WMO319-antwoordberichten, per aanbieder in een eigen map")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--aanbieder", type=_agb, help="alleen deze aanbieder (AGB, eigen cursor)")
    _common(p)
    return parser


def token_gemeente(token: str | None) -> str | None:
    """The gemeente claim of the token, read without verification: it only names the state
    namespace (the services verify the token and filter by the same claim)."""
    if not token or token.count(".") != 2:
        return None
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        value = claims.get("gemeente")
        tekst = str(value) if value else ""
        return tekst if is_gemeentecode(tekst) else None
    except ValueError:
        return None


class _Terminated(KeyboardInterrupt):
    pass


def _on_sigterm(*_: object) -> None:
    raise _Terminated()


def run(
    argv: Sequence[str] | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
    progress: bool | None = None,
    today: dt.date | None = None,
    console: Console | None = None,
) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    out = console or Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False)
    service = {
        ("cak", "export"): "finance",
        ("svb", "export"): "pgb",
        ("svb", "import"): "pgb",
        ("toewijzingen", "export"): "intake",
        ("iwmo", "import"): "intake",
        ("iwmo", "export"): "intake",
    }[(args.group, args.action)]
    base_url = args.base_url or getattr(args, f"{service}_url")
    gemeente = token_gemeente(args.token)
    store = CursorStore(args.state_dir, gemeente)
    api = Api(base_url, args.token, service=service, timeout=args.timeout, transport=transport)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (tests): Ctrl-C handling still applies
        previous = None
    try:
        if args.action == "export":
            result = _export(args, api, store, gemeente, progress, today)
            _print_export(out, result)
            return EXIT_REJECTED if result.afgekeurd else EXIT_OK
        summary = _import(args, api)
        return _print_import(out, summary)
    except RequestFailed as exc:
        err.print(f"[bold red]Verzoek mislukt:[/] {exc}")
        err.print("Wat klaar was, is bewaard; start hetzelfde commando opnieuw om verder te gaan.")
        return EXIT_REQUEST_FAILED
    except StateError as exc:
        err.print(f"[bold red]Cursoropslag:[/] {exc}")
        return EXIT_STATE
    except KeyboardInterrupt:
        err.print("Onderbroken. Start hetzelfde commando opnieuw: het gaat verder waar het was.")
        return EXIT_INTERRUPTED
    finally:
        api.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _export(
    args: argparse.Namespace,
    api: Api,
    store: CursorStore,
    gemeente: str | None,
    progress: bool | None,
    today: dt.date | None,
) -> ExportResult:
    args.out.mkdir(parents=True, exist_ok=True)
    common: dict[str, Any] = {
        "api": api,
        "store": store,
        "out": args.out,
        "gemeente": gemeente,
        "progress": Progress(progress),
    }
    if args.group == "iwmo":
        consumer = "iwmo-antwoorden" + (f"-{args.aanbieder}" if args.aanbieder else "")

        def wmo319_sink(run: dict[str, Any] | None, meta: RunMeta) -> Wmo319Sink:
            return Wmo319Sink(args.out, run, meta, args.aanbieder)

        return run_export(
            feed=ANTWOORD_FEED,
            consumer=consumer,
            make_sink=wmo319_sink,
            limit=args.limit or ANTWOORD_FEED.max_limit,
            **common,
        )
    if args.group == "toewijzingen":
        consumer = "toewijzingen" + (f"-{args.aanbieder}" if args.aanbieder else "")
        dagtekening = today or now_utc().astimezone(AMSTERDAM).date()

        def wmo301_sink(run: dict[str, Any] | None, meta: RunMeta) -> Wmo301Sink:
            return Wmo301Sink(args.out, run, meta, args.aanbieder, dagtekening)

        return run_export(
            feed=TOEWIJZING_FEED,
            consumer=consumer,
            make_sink=wmo301_sink,
            limit=args.limit or TOEWIJZING_FEED.max_limit,
            **common,
        )
    fmt: FileFormat = CakMutatieFormat() if args.group == "cak" else SvbTkbFormat()
    feed = CAK_FEED if args.group == "cak" else SVB_FEED

    def file_sink(run: dict[str, Any] | None, meta: RunMeta) -> SingleFileSink:
        return SingleFileSink(args.out, fmt, run, meta)

    return run_export(
        feed=feed,
        consumer=fmt.naam,
        make_sink=file_sink,
        limit=args.limit or feed.max_limit,
        **common,
    )


def _import(args: argparse.Namespace, api: Api) -> tuple[ImportSummary, Path]:
    started = now_utc()
    if args.group == "iwmo":
        summary = ImportSummary("iwmo-import")
        import_iwmo(api, list(args.files), summary, again=args.opnieuw)
        first = args.files[0]
    else:
        summary = ImportSummary("svb-import")
        import_bab(api, args.file, summary, again=args.opnieuw)
        first = args.file
    target_dir = args.out or first.parent
    body = {
        **summary.to_dict(),
        "gestartOp": started.isoformat(timespec="seconds"),
        "klaarOp": now_utc().isoformat(timespec="seconds"),
    }
    path = target_dir / f"{summary.soort}-{new_run_id(started)}.samenvatting.json"
    atomic_write(path, json.dumps(body, indent=2, ensure_ascii=False).encode() + b"\n")
    return summary, path


def _print_export(out: Console, result: ExportResult) -> None:
    s = result.summary
    out.print(
        f"{result.consumer}: {s['rijen']} rijen in {s['paginas']} pagina's"
        + (" (hervat)" if s["hervat"] else "")
        + f", cursor {s['vanafCursor'] or '(begin)'} → {s['totCursor']}"
    )
    if "berichten" in s:
        out.print(
            f"  {s['berichten']} {s.get('berichttype', 'WMO301')}-berichten, per aanbieder: "
            + (", ".join(f"{k}: {v}" for k, v in s["perAanbieder"].items()) or "geen")
        )
        if s.get("overgeslagen"):
            out.print(f"  {s['overgeslagen']} toewijzingen voor andere aanbieders overgeslagen")
    for f in result.files:
        out.print(f"  bestand: {f}")
    if result.afgekeurd:
        out.print(f"  [bold red]{result.afgekeurd} afgekeurd[/] (zie samenvatting)")
        for a in s["afkeuringen"][:10]:
            out.print(f"    volgnummer {a['volgnummer']}: {a['reden']}")
    out.print(f"  samenvatting: {result.summary_file}")


def _print_import(out: Console, result: tuple[ImportSummary, Path]) -> int:
    summary, path = result
    out.print(
        f"{summary.soort}: {summary.bestanden} bestanden, {summary.verwerkt} verwerkt, "
        f"{len(summary.overgeslagen)} overgeslagen (retour bestond al), "
        f"{len(summary.mislukt)} mislukt"
    )
    overschreden = (
        f"; budget overschreden: {summary.overschreden}" if summary.soort == "svb-import" else ""
    )
    out.print(
        f"  regels: {summary.regels}, afgekeurd: {summary.regels_afgekeurd}; "
        f"berichten afgekeurd: {summary.berichten_afgekeurd}{overschreden}"
    )
    for a in summary.afkeuringen[:10]:
        out.print(f"  afgekeurd: {json.dumps(a, ensure_ascii=False)}")
    for m in summary.mislukt:
        out.print(f"  [bold red]mislukt:[/] {m['bestand']}: {m['reden']}")
    out.print(f"  samenvatting: {path}")
    if summary.mislukt:
        return EXIT_REQUEST_FAILED
    return EXIT_REJECTED if summary.afgekeurd else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
