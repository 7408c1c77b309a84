"""The options of ksw's commands, declared once, as plain data.

Two readers build the command line from this one table: typer (kscli.cli.declare), for help,
completion, error messages and every command; and the fast path (kscli.cli.fast), which parses
the common queries without importing typer. Nothing here imports typer, so the fast path stays fast.

Every command that selects events takes the same filters (FILTERS), so `ksw stats` and
`ksw map` accept exactly what `ksw events` does.
"""

from kscli.cli import completing as c

KINDS = ("str", "strs", "flag", "int", "float", "path", "paths")  # the value an option takes; strs and paths repeat


class Opt:
    """One option: its flags, the kind of value it takes, its default and its help."""

    __slots__ = ("decls", "kind", "default", "metavar", "help", "panel", "complete", "envvar", "min", "max")

    def __init__(self, *decls: str, kind: str = "str", default=None, metavar: str | None = None, help: str = "",
                 panel: str = "Filters", complete=None, envvar: str | None = None,
                 min: int | None = None, max: int | None = None):
        assert kind in KINDS, kind
        self.decls, self.kind, self.default, self.metavar, self.help = decls, kind, default, metavar, help
        self.panel, self.complete, self.envvar, self.min, self.max = panel, complete, envvar, min, max


FILTERS = {  # parameter name -> option
    "date_from": Opt("--from", metavar="DATE", help="First day (inclusive): 2020-10-04, '4 October', 'Oct 4', 2020-10."),
    "date_to": Opt("--to", metavar="DATE", help="Last day (inclusive)."),
    "on": Opt("--on", kind="strs", metavar="DATE", help="Only this day or month (repeatable)."),
    "place": Opt("--place", "-p", kind="strs", metavar="NAME", complete=c.names("place"), help="Place, any spelling: Tartar, Terter, Tərtər (repeatable)."),
    "within": Opt("--within", kind="strs", metavar="NAME", complete=c.names("place"), help="A place and every place inside it (repeatable)."),
    "near": Opt("--near", metavar="PLACE", complete=c.names("place"), help="Events at places within --km of this place."),
    "km": Opt("--km", kind="float", metavar="N", help="Radius for --near, in kilometres (default: 10)."),
    "actor": Opt("--actor", "--claimant", "-a", kind="strs", metavar="NAME", complete=c.names("actor"), help="Who made the claim: 'Azerbaijani MoD', ADA, Pashinyan; a party (Armenia) means all who speak for it (repeatable)."),
    "keyword": Opt("--keyword", "-k", kind="strs", metavar="TEXT", help="Whole word (and its inflections: kill, killed) or phrase, case- and accent-insensitive; kilo* for a prefix (repeatable)."),
    "event_type": Opt("--type", "-t", kind="strs", metavar="TYPE", complete=c.values(c.types), help="shelling/strike, battle/clash, territory, ... (repeatable)."),
    "weapon": Opt("--weapon", "-w", kind="strs", metavar="NAME", complete=c.names("weapon"), help="Named weapon system: Smerch, Tochka-U, TB2 (repeatable)."),
    "denied_by": Opt("--denied-by", kind="strs", metavar="PARTY", complete=c.names("actor"), help="Claims this party denied: Armenia (its MoD, MoFA, PM, authorities), 'Armenian MoD', unnamed (repeatable)."),
    "disputed": Opt("--disputed", "--denied", kind="flag", default=False, help="Only claims someone denied."),
    "undisputed": Opt("--undisputed", "--undenied", kind="flag", default=False, help="Only claims nobody denied."),
    "confirmed": Opt("--confirmed", kind="flag", default=False, help="Only claims someone else confirmed."),
    "side": Opt("--side", kind="strs", metavar="SIDE", complete=c.names("side"), help="The claimant's side, as the actors file names it: azerbaijani, armenian, 'third party' (repeatable)."),
}
CORPUS = {
    "corpus": Opt("--corpus", panel="Corpus", envvar="KSW_CORPUS", metavar="PATH", help="Timeline file or folder of timeline files (default: the bundled timeline; env KSW_CORPUS)."),
    "year": Opt("--year", kind="int", panel="Corpus", min=1, max=9999, help="Year of the timeline's first day, if the text does not say."),
    "places_file": Opt("--places-file", kind="paths", panel="Corpus", metavar="FILE", help="Extra gazetteer TSV (same columns as corpus/places.tsv)."),
    "own_data": Opt("--own-data", kind="flag", default=False, panel="Corpus", help="Only the corpus's own places, actors and weapons files, not the bundled war's (for another war)."),
    "verbose": Opt("--verbose", "-v", kind="flag", default=False, panel="Corpus", help="Show parse warnings on stderr."),
}
OUTPUT = {
    "fmt": Opt("--format", "-f", panel="Output", metavar="FORMAT", complete=c.values(c.formats), help="table, tsv, csv, json or jsonl (default: table on a terminal, tsv in a pipe)."),
    "fields": Opt("--fields", panel="Output", metavar="A,B,...", complete=c.fields, help="Columns to print, in order (comma-separated)."),
    "no_header": Opt("--no-header", kind="flag", default=False, panel="Output", help="Omit the header line."),
}


def paging(what: str) -> dict:
    """--limit and --reverse, whose help names what is listed (events, claims)."""
    return {
        "limit": Opt("--limit", "-n", kind="int", panel="Output", help=f"At most N {what}."),
        "reverse": Opt("--reverse", "-r", kind="flag", default=False, panel="Output", help="Newest first."),
    }


COUNTING = {  # ksw stats
    "by": Opt("--by", "-b", kind="strs", default=("day",), panel="Output", metavar="DIM", complete=c.values(c.dimensions),
              help="day, week, place, actor, type, side or victims; twice for a cross-table."),
    "total": Opt("--sum", panel="Output", metavar="FIELD", help="Sum the claims' killed or injured instead of counting."),
}
CHART = {  # ksw timeline
    "width": Opt("--width", kind="int", default=40, panel="Output", min=5, max=400, help="Length of the longest bar."),
}
DRAWING = {  # ksw map
    "output": Opt("--output", "-o", kind="path", default="ksw-map.svg", panel="Output", metavar="FILE", help="File to write (ksw-map.png with --format png); - for standard output."),
    "fmt": Opt("--format", "-f", panel="Output", metavar="FORMAT", complete=c.values(c.map_formats), help="svg or png (png needs rsvg-convert; default: png for an -o ending in .png, else svg)."),
    "text": Opt("--text", kind="flag", default=False, panel="Output", help="Also print a coarse map on the terminal."),
}


def of(command: str) -> tuple[dict, ...]:
    """The option groups of a command, in the order its help lists them (typer's and the fast path's)."""
    return {
        "events": (paging("events"), FILTERS, OUTPUT, CORPUS), "claims": (paging("claims"), FILTERS, OUTPUT, CORPUS),
        "disputes": (FILTERS, OUTPUT, CORPUS), "places": (OUTPUT, CORPUS), "actors": (OUTPUT, CORPUS),
        "stats": (COUNTING, FILTERS, OUTPUT, CORPUS), "timeline": (CHART, FILTERS, OUTPUT, CORPUS),
        "show": (OUTPUT, CORPUS), "map": (DRAWING, FILTERS, CORPUS), "corpus check": (CORPUS,),
    }[command]
