"""The `cleaner remains` command: what cleaning keeps that recurs across a corpus, per
outlet or domain, printed as YAML rules ready to paste (text) or as JSON. Printing only."""

import dataclasses
import json
import sys

import yaml

from ..errors import rules_readable
from ..exits import EXIT_OK
from .arguments import add_input_options, add_learn_options
from .cli import learn_summary
from .engines import make_engine
from .readers import Fields, check_inputs
from .records import CleanConfig, cleaner_for
from .remains import CorpusRemains, GroupRemains, RemainingLine, remains_of_job
from .runner import BatchJob


def add_remains_command(sub) -> None:
    """Register `remains` on the main parser's subcommands."""
    remains = sub.add_parser(
        "remains",
        help="list the kept lines that recur across an outlet's documents, as rules to paste",
    )
    add_input_options(remains)
    add_learn_options(remains)
    remains.add_argument("--json", action="store_true", help="print JSON instead of YAML text")
    remains.set_defaults(run=run_remains_command)


def run_remains_command(args) -> int:
    check_inputs(args.inputs)
    config = CleanConfig(rules=tuple(str(p) for p in args.rules))
    fields = Fields(args.id_field, args.text_field, args.url_field, args.lang_field)
    job = BatchJob(tuple(args.inputs), args.inputs[0], args.inputs[0], config, fields)
    job = dataclasses.replace(job, fmt=args.input_format, stdin_format=args.stdin_format)
    with rules_readable():
        cleaner_for(config)
    engine = make_engine(args.engine, args.jobs, args.address)
    found = remains_of_job(job, engine, args.by, args.min_docs, args.min_share / 100)
    if args.json:
        print(json.dumps(dataclasses.asdict(found), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(remains_text(found))
    summary = learn_summary(found.by, len(found.groups), found.by_domain, found.ungrouped)
    print(f"cleaner: {summary} with recurring lines", file=sys.stderr)
    return EXIT_OK


def remains_text(found: CorpusRemains) -> str:
    """Each group's recurring lines as comments with their counts, each followed by the rule
    that would drop it as one YAML line: paste those under a rule file's `rules:`."""
    parts = [
        f"# Kept lines in at least {found.min_docs} documents and {found.min_share:.0%} "
        f"of their {found.by} (or recurring with a neighbour)\n"
    ]
    parts += [group_text(group) for group in found.groups]
    return "\n".join(parts)


def group_text(group: GroupRemains) -> str:
    owner = f"outlet {group.outlet}" if group.outlet else f"no outlet; domains: [{group.domain}]"
    lines = [f"# {group.group}: {group.docs} documents, {owner}"]
    for line in group.lines:
        lines += line_text(line, group.docs)
    return "\n".join(lines) + "\n"


def line_text(line: RemainingLine, docs: int) -> list[str]:
    count = f"#   {line.docs:>5}/{docs}  {line.text}"
    if line.headline:
        return [count + "   (another document's headline: no rule)"]
    rule = {"id": line.rule_id, "category": line.category, "drop": line.pattern}
    flow = yaml.safe_dump(
        [rule], default_flow_style=None, sort_keys=False, allow_unicode=True, width=10_000
    )
    return [count, flow.rstrip("\n")]
