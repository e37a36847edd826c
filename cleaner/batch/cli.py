"""The `cleaner batch` and `cleaner learn` commands: argument parsing and printing only."""

import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

from tqdm import tqdm

from ..errors import UsageError, rules_readable
from ..exits import EXIT_FAILED_DOCS, EXIT_OK
from ..files import fresh_directory, write_atomic
from ..limit_options import add_limit_options, limit_options
from ..lock import output_locks
from ..output_names import refuse_compressed, refuse_stdout
from ..report.cli import write_report
from ..safepaths import (
    learned_path,
    refuse_collisions,
    refuse_directories,
    refuse_directory_overlap,
    refuse_files_inside,
    refuse_holding_inputs,
    refuse_non_directories,
    refuse_replacing,
    refuse_special_files,
)
from .arguments import (
    add_batch_output_options,
    add_batch_run_options,
    add_input_options,
    add_learn_options,
    add_learn_output_option,
)
from .engines import make_engine
from .learn import learn
from .learn_output import refuse_foreign_files, remove_earlier_files, write_manifest
from .readers import Fields, check_inputs
from .records import CleanConfig, cleaner_for
from .runner import BatchJob, run_batch
from .writers import default_errors_path, writes_jsonl


def add_batch_commands(sub) -> None:
    """Register `batch` and `learn` on the main parser's subcommands."""
    batch = sub.add_parser("batch", help="clean a collection in parallel, resumably")
    add_input_options(batch)
    add_batch_output_options(batch)
    add_batch_run_options(batch)
    add_limit_options(batch)
    add_learn_options(batch)
    batch.set_defaults(run=run_batch_command)
    learn = sub.add_parser(
        "learn", help="suggest rule files for lines that recur across an outlet's documents"
    )
    add_input_options(learn)
    add_learn_output_option(learn)
    add_learn_options(learn)
    learn.set_defaults(run=run_learn_command)


def job_from_args(args, config: CleanConfig) -> BatchJob:
    output = named(args.output)
    return BatchJob(
        inputs=tuple(args.inputs),
        output=output,
        errors=args.errors or default_errors_path(output),
        config=config,
        fields=Fields(args.id_field, args.text_field, args.url_field, args.lang_field),
        fmt=args.input_format,
        stdin_format=args.stdin_format,
        shard=args.shard,
        checkpoint_every=args.checkpoint_every,
    )


def named(path: Path) -> Path:
    """`path`, resolved if it has no name of its own ('.', '..'): files beside an output
    (errors, checkpoint, lock) are named after it."""
    return path.resolve() if path.name in ("", ".", "..") else path


def run_batch_command(args) -> int:
    refuse_stdout(
        {
            "-o": args.output,
            "--errors": args.errors,
            "--summary": args.summary,
            "--report": args.report,
        }
    )
    refuse_compressed((args.output, args.errors, args.summary, args.report))
    check_inputs(args.inputs)
    changes = args.changes or args.report is not None  # the report is made of the changes
    config = CleanConfig(
        rules=tuple(str(p) for p in args.rules),
        options=tuple(sorted(limit_options(args).items())),
        include_changes=changes,
    )
    job = job_from_args(args, config)
    if args.report is not None and not writes_jsonl(job.output):
        raise UsageError(f"--report needs a .jsonl output to read back, not {job.output}")
    learned = learned_path(job.output) if args.learned_boilerplate or args.corpus_names else None
    refuse_overlap(job, args.summary, args.report, learned)
    with rules_readable():  # rule errors surface now; forked workers inherit the rules
        cleaner_for(config)
    with output_locks(job.output, job.errors):
        return run_locked(job, args)


def refuse_overlap(
    job: BatchJob, summary: Path | None, report: Path | None = None, learned: Path | None = None
) -> None:
    """A usage error if an output would replace an input or be read back as one, or if the
    directory of learned rules (made anew: it must not hold an input) cannot be one."""
    refuse_special_files((job.output, job.errors, summary, report))
    refuse_directories(
        (job.output if writes_jsonl(job.output) else None, job.errors, summary, report)
    )
    refuse_replacing(job.inputs, (job.output, job.errors, summary, report))
    refuse_collisions(
        {
            "-o": job.output,
            "--errors": job.errors,
            "--summary": summary,
            "--report": report,
            "the learned rules' directory": learned,
        }
    )
    if writes_jsonl(job.output):
        refuse_files_inside(job.inputs, [], (job.output, job.errors, summary, report))
    else:
        refuse_files_inside(job.inputs, [job.output], (job.errors, summary, report))
        refuse_directory_overlap(job.inputs, job.output)
    if learned is not None:
        refuse_non_directories([learned])
        refuse_holding_inputs(job.inputs, [learned])


def run_locked(job: BatchJob, args) -> int:
    """The batch run proper, under the output's lock."""
    started = time.perf_counter()
    engine = make_engine(args.engine, args.jobs, args.address)
    bar = progress_bar(sys.stderr)
    try:
        if args.learned_boilerplate or args.corpus_names:
            job = with_learned_rules(job, engine, args)
        summary = run_batch(job, engine, args.resume, lambda summary: show_progress(bar, summary))
    finally:
        engine.close()
        bar.close()
    seconds = time.perf_counter() - started
    jobs = engine.workers
    sys.stderr.write(summary.format(seconds, jobs))
    if args.summary:
        write_atomic(args.summary, json.dumps(summary.to_dict(seconds, jobs), indent=2) + "\n")
    if args.report is not None:
        write_report(job.output, args.report)
    if summary.docs_failed:
        print(f"cleaner: {summary.docs_failed} documents failed; see {job.errors}", file=sys.stderr)
        return EXIT_FAILED_DOCS
    return EXIT_OK


def progress_bar(stream) -> "tqdm[NoReturn]":  # tqdm is generic only to type checkers
    """A progress line on `stream` (documents, docs/s, errors) if it is a terminal; tqdm
    stays silent otherwise and limits its own redraws."""
    return tqdm(desc="cleaner", unit=" docs", file=stream, disable=None, leave=False)


def show_progress(bar: "tqdm[NoReturn]", summary) -> None:
    bar.set_postfix_str(f"{summary.docs_failed} errors", refresh=False)
    bar.update(summary.docs_in - bar.n)


def with_learned_rules(job: BatchJob, engine, args) -> BatchJob:
    """First pass of --learned-boilerplate and --corpus-names: learn what was asked for into
    OUTPUT.learned/ (emptied first: a failure there comes before the pass) and add those
    rules."""
    learned = learned_path(job.output)
    fresh_directory(learned)
    learner = learn(job, engine, args.by)
    if args.learned_boilerplate:
        written = learner.write_rules(learned, args.min_docs, args.min_share / 100)
        print(
            f"cleaner: learned {sum(n for _, n in written)} rules for {len(written)} "
            f"{args.by}s into {learned}",
            file=sys.stderr,
        )
    if args.corpus_names:
        path, names = learner.write_corpus_names(learned, args.min_docs)
        print(f"cleaner: learned {names} corpus names into {path}", file=sys.stderr)
    config = replace(job.config, rules=job.config.rules + (str(learned),))
    how = (args.by, str(args.min_docs), str(args.min_share)) if args.learned_boilerplate else ()
    return replace(
        job,
        config=config,
        learned=how + (("corpus-names", str(args.min_docs)) if args.corpus_names else ()),
    )


def run_learn_command(args) -> int:
    refuse_stdout({"-o": args.output})
    output = named(args.output)
    refuse_directory_overlap(args.inputs, output)
    refuse_foreign_files(output)
    check_inputs(args.inputs)
    config = CleanConfig(rules=tuple(str(p) for p in args.rules))
    job = BatchJob(
        tuple(args.inputs),
        output,
        output,
        config,
        Fields(args.id_field, args.text_field, args.url_field, args.lang_field),
        args.input_format,
        args.stdin_format,
    )
    with rules_readable():
        cleaner_for(config)
    with output_locks(output):
        return learn_locked(job, args)


def learn_locked(job: BatchJob, args) -> int:
    """The learning run proper, under the output's lock: learn, then replace the rule files
    an earlier run wrote with this run's."""
    engine = make_engine(args.engine, args.jobs, args.address)
    try:
        learner = learn(job, engine, args.by)
    finally:
        engine.close()
    refuse_foreign_files(job.output)  # again, under the lock
    remove_earlier_files(job.output)
    written = learner.write_rules(job.output, args.min_docs, args.min_share / 100)
    for path, rules in written:
        print(f"{path}: {rules} rules")
    path, names = learner.write_corpus_names(job.output, args.min_docs)
    print(f"{path}: {names} corpus names")
    write_manifest(job.output, [p for p, _ in written] + [path])
    summary = learn_summary(args.by, len(learner.groups), learner.by_domain, learner.ungrouped)
    print(
        f"cleaner: {len(written)} rule files from {summary}; review them with "
        f"`cleaner rules check {job.output}`",
        file=sys.stderr,
    )
    return EXIT_OK


def learn_summary(by: str, groups: int, by_domain: int, ungrouped: int) -> str:
    """How many groups, and how many documents fell back to their URL domain or had no
    group at all."""
    text = f"{groups} groups"
    if by_domain:
        text += f" ({by_domain} documents of no outlet grouped by their URL domain)"
    if ungrouped:
        text += f" ({ungrouped} documents had no {by} and no URL: not counted)"
    return text
