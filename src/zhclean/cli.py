"""The ``zhclean`` command: a filter (stdin → stdout) and a file cleaner.

Flags map one to one onto :class:`zhclean.CleanConfig` fields: a field ``strip_boilerplate``
that defaults to on gives ``--no-strip-boilerplate``, ``script`` gives ``--script``.
Precedence: defaults < preset < config file < flags.

Exit codes: 0 all went well (or nothing to change); 1 ``--check`` found files to change,
or some input could not be decoded; 2 a usage or I/O error. A partial failure never exits 0.
"""
from __future__ import annotations

import argparse
import dataclasses
import difflib
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from . import __version__
from .config import PRESETS, SCRIPT_TARGETS, CleanConfig, read_phrases
from .detect import decode
from .errors import BinaryInputError, ConfigError, DecodeError, ZhcleanError
from .io import InputError, atomic_stream, atomic_write, iter_files, read_bytes
from .jsonl import Summary, clean_jsonl, ordered_map, record_texts
from .progress import Progress
from .pipeline import Pipeline
from .profile import Boilerplate
from .report import CleanResult

_EXIT_OK, _EXIT_CHANGES, _EXIT_ERROR = 0, 1, 2


def _add_config_flags(group: argparse._ArgumentGroup) -> None:
    """One flag per CleanConfig field, derived from the dataclass."""
    for f in dataclasses.fields(CleanConfig):
        flag = "--" + f.name.replace("_", "-")
        doc = _field_doc(f.name)
        if f.type in ("bool", bool):
            if f.default:
                group.add_argument("--no-" + f.name.replace("_", "-"), dest=f.name, action="store_false",
                                   default=None, help=f"turn off: {doc}")
            else:
                group.add_argument(flag, dest=f.name, action="store_true", default=None, help=doc)
        elif f.name == "script":
            group.add_argument(flag, dest=f.name, default=None, metavar="TARGET",
                               help=f"{'|'.join(SCRIPT_TARGETS)} (or simplified/traditional); default auto")
        elif f.name == "encoding":
            group.add_argument("-e", flag, dest=f.name, default=None, metavar="ENC",
                               help="encoding of the input: auto (default) or a codec name")
        elif f.name == "boilerplate_profile":
            group.add_argument("--profile", dest=f.name, default=None, metavar="FILE",
                               help="boilerplate learned from a site: remove its recurring lines "
                                    "(with --learn-boilerplate: where the learned profile is saved)")
        elif f.name == "phrases":
            group.add_argument(flag, dest=f.name, default=None, metavar="FILE",
                               help="phrases of your own for the script stage: 'input<TAB>output' lines")
        elif f.type in ("int", int):
            group.add_argument(flag, dest=f.name, type=int, default=None, metavar="N", help=doc)
        else:
            group.add_argument(flag, dest=f.name, default=None, help=doc)


def _field_doc(name: str) -> str:
    docs = {
        "repair_mojibake": "repair mojibake (涓枃, ÖÐÎÄ, æµ‹è¯•)",
        "normalize": "the normalize stage",
        "unicode_form": "NFC (default) or none",
        "unescape": "decode HTML entities and \\u/%%XX escapes left in text",
        "remove_invisible": "remove zero-width and control characters",
        "unify_radicals": "Kangxi radicals to ideographs: ⼈⼯ → 人工",
        "normalize_spaces": "NBSP and odd spaces to plain spaces",
        "remove_ruby": "remove leaked ruby pinyin: 產業(yè) → 產業",
        "remove_cjk_spaces": "remove extraction spaces between Chinese characters: 中 华 → 中华",
        "halfwidth_alnum": "full-width letters and digits to ASCII (default off; on in corpus)",
        "fullwidth_katakana": "half-width katakana to full-width",
        "fullwidth_punctuation": "ASCII punctuation in Chinese to full-width",
        "ascii_punctuation_in_latin": "full-width punctuation in numbers, Latin text, URLs to ASCII",
        "curly_quotes": "straight quotes around Chinese to curly (default off)",
        "join_wrapped_lines": "rejoin hard-wrapped Chinese lines (default off; on in corpus)",
        "strip_indentation": "remove indentation before Chinese prose",
        "max_blank_lines": "at most N blank lines in a row (-1 keeps all; default 1)",
        "strip_boilerplate": "remove boilerplate lines (footers, source lines, related lists)",
        "detect_body": "find the article body and remove the short lines around it (off: lexicon only)",
        "extract_metadata": "extract metadata (title, source, date...)",
    }
    return docs.get(name, name.replace("_", " "))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="zhclean",
        description="Clean Chinese text: decode, repair mojibake, normalize, convert script, strip boilerplate.",
        epilog="With no PATH, or PATH '-', read standard input and write standard output.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (with -r)")
    g = p.add_argument_group("input")
    g.add_argument("-r", "--recursive", action="store_true", help="process the files in directories")
    g.add_argument("--include", action="append", default=[], metavar="GLOB", help="with -r: only these files")
    g.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="with -r: skip these files")
    g = p.add_argument_group("output")
    g.add_argument("-o", "--output", metavar="FILE", help="write the result to FILE (one input only)")
    g.add_argument("-O", "--output-dir", metavar="DIR", help="write each result under DIR, mirroring the inputs")
    g.add_argument("-i", "--in-place", action="store_true", help="rewrite the files in place (atomically)")
    g.add_argument("--backup", default=None, metavar="SUFFIX",
                   help="--backup or --backup=SUFFIX, with -i: keep the original as FILE.orig (or FILE+SUFFIX)")
    g = p.add_argument_group("modes")
    g.add_argument("--check", action="store_true", help="list the files that would change; exit 1 if any")
    g.add_argument("--diff", action="store_true", help="print a unified diff instead of the text")
    g.add_argument("--detect", action="store_true",
                   help="print the detected encoding, confidence and source of each input; write nothing")
    g.add_argument("--json", action="store_true", help="with --detect: one JSON object per input")
    g.add_argument("--jsonl", action="store_true",
                   help="the inputs are JSON Lines: clean one field of each record (--field), keep the rest")
    g.add_argument("--field", default="text", metavar="NAME", help="with --jsonl: the field to clean (default text)")
    g.add_argument("--report-field", default=None, metavar="NAME",
                   help="with --jsonl: add each record's report (changes, removed lines, metadata) under NAME")
    g.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="worker processes for files or JSONL records (the output keeps the input's order; default 1)")
    g.add_argument("--no-progress", action="store_true",
                   help="no progress line on standard error (it is shown only at a terminal anyway)")
    g.add_argument("--learn-boilerplate", action="store_true",
                   help="first read all the inputs and learn the lines that recur across them "
                        "(a site's navigation and footers), then clean them without those lines")
    g.add_argument("--explain", action="store_true", help="print the report (changes, removed lines, metadata) to stderr")
    g = p.add_argument_group("steps (one flag per option of CleanConfig)")
    g.add_argument("--preset", choices=sorted(PRESETS), help="start from a preset: " + ", ".join(sorted(PRESETS)))
    g.add_argument("--config", metavar="FILE", help="read options from a TOML file ([tool.zhclean] or top level)")
    _add_config_flags(g)
    g = p.add_argument_group("misc")
    g.add_argument("-q", "--quiet", action="store_true", help="print no errors, only the exit code tells")
    g.add_argument("--version", action="version", version=f"zhclean {__version__}")
    return p


def _load_config_file(path: str) -> dict[str, Any]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef,import-not-found]
        except ImportError:
            raise ConfigError("reading a TOML config file needs Python 3.11 or the tomli package") from None
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read config file ({e.strerror or e})") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from None
    table = data.get("tool", {}).get("zhclean", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.zhclean] must be a table")
    return table


def make_config(args: argparse.Namespace) -> CleanConfig:
    config = PRESETS[args.preset] if args.preset else CleanConfig()
    if args.config:
        try:
            config = CleanConfig.from_mapping(_load_config_file(args.config), base=config)
        except TypeError as e:
            raise ConfigError(f"{args.config}: {e}") from None
    flags = {f.name: getattr(args, f.name) for f in dataclasses.fields(CleanConfig)
             if getattr(args, f.name, None) is not None}
    if "phrases" in flags:
        flags["phrases"] = read_phrases(flags["phrases"])
    if "boilerplate_profile" in flags:
        if getattr(args, "learn_boilerplate", False):
            del flags["boilerplate_profile"]  # learned from the inputs, saved there later
        else:
            flags["boilerplate_profile"] = Boilerplate.load(flags["boilerplate_profile"])
    return config.replace(**flags) if flags else config


class _Run:
    """The state of one command-line run: where output goes and what went wrong."""

    def __init__(self, args: argparse.Namespace, stdout: BinaryIO, stderr: TextIO,
                 stdin: BinaryIO | None = None) -> None:
        self.args = args
        self.stdout = stdout
        self.stderr = stderr
        self.stdin = stdin
        self.status = _EXIT_OK
        self.summary = Summary()
        self.progress = Progress(stderr, enabled=not (args.no_progress or args.quiet), unit="file(s)")

    def error(self, message: str, status: int) -> None:
        if not self.args.quiet:
            print(f"zhclean: {message}", file=self.stderr)
        self.status = max(self.status, status)

    def explain(self, name: str, result: CleanResult) -> None:
        report = result.report
        out = {"input": name, **report.to_dict()}
        out.pop("plan")
        print(json.dumps(out, ensure_ascii=False), file=self.stderr)


# What a worker process of -j needs, set once by the pool's initializer.
_WORKER: tuple[Pipeline, argparse.Namespace, list[str]] | None = None


def _init_file_worker(pipeline: Pipeline, args: argparse.Namespace, files: list[str]) -> None:
    global _WORKER
    _WORKER = (pipeline, args, files)
    pipeline.run("预热：浣犲ソ", explain=False)  # load the tables before the first file arrives


def _process_in_worker(name: str) -> tuple[int, bytes, str, Summary, int]:
    """One file, start to end, in a worker: (status, stdout bytes, stderr text, counts, size)."""
    import io

    assert _WORKER is not None
    pipeline, args, files = _WORKER
    out, err = io.BytesIO(), io.StringIO()
    run = _Run(args, out, err)
    run.progress.enabled = False
    path = Path(name)
    try:
        data = read_bytes(path)
    except InputError as e:
        run.error(str(e), _EXIT_ERROR)
        return run.status, out.getvalue(), err.getvalue(), run.summary, 0
    _process(run, pipeline, name, data, path, _target(args, path, files))
    return run.status, out.getvalue(), err.getvalue(), run.summary, len(data)


def _clean_file(pipeline: Pipeline, data: bytes, explain: bool) -> CleanResult | Exception:
    """The cleaning of one file: the result, or what went wrong (reported by _process)."""
    try:
        return pipeline.run(data, explain=explain)
    except Exception as e:
        return e


def _process(run: _Run, pipeline: Pipeline, name: str, data: bytes, path: Path | None,
             out_path: Path | None) -> None:
    args = run.args
    if args.detect:
        try:
            d = decode(data, encoding=pipeline.config.encoding)
        except DecodeError as e:
            run.error(f"{name}: {e}", _EXIT_CHANGES)
            return
        if args.json:
            out = json.dumps({"input": name, **d.to_dict()}, ensure_ascii=False)
        else:
            damaged = f", {len(d.errors)} undecodable stretch(es)" if d.errors else ""
            out = f"{name}: {d.encoding} (confidence {d.confidence:.2f}, {d.source}{damaged})"
        run.stdout.write((out + "\n").encode("utf-8"))
        return
    result = _clean_file(pipeline, data, args.explain)
    if isinstance(result, BinaryInputError):  # not text at all: an error of the run (1 for --check)
        run.error(f"{name}: cannot decode: {result}", _EXIT_CHANGES if args.check else _EXIT_ERROR)
        return
    if isinstance(result, DecodeError):
        run.error(f"{name}: cannot decode: {result}", _EXIT_CHANGES)
        return
    if isinstance(result, Exception):  # a bug: one line, the other files still processed
        run.error(f"{name}: internal error ({type(result).__name__}: {result}); please report it", _EXIT_ERROR)
        return
    if args.explain:
        run.explain(name, result)
    new = result.text.encode("utf-8")
    run.summary.count(data, result, changed=new != data)
    run.progress.update(1, len(data))
    if args.check:
        if new != data:
            run.stdout.write(f"would change: {name}\n".encode("utf-8"))
            run.status = max(run.status, _EXIT_CHANGES)
        return
    if args.diff:
        before = decode(data, encoding=pipeline.config.encoding).text
        diff = difflib.unified_diff(before.splitlines(keepends=True), result.text.splitlines(keepends=True),
                                    fromfile=name, tofile=name + " (cleaned)")
        run.stdout.write("".join(diff).encode("utf-8"))
        return
    if out_path is None:
        run.stdout.write(new)
        return
    try:
        if args.in_place and path is not None:
            if new == data:
                return
            if args.backup:
                atomic_write(Path(str(path) + args.backup), data, mode_from=path)
            atomic_write(path, new, mode_from=path)
        else:
            atomic_write(out_path, new, mode_from=path)
    except OSError as e:
        run.error(f"{out_path}: cannot write ({e.strerror or e})", _EXIT_ERROR)


def main(argv: list[str] | None = None, *, stdin: BinaryIO | None = None,
         stdout: BinaryIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (0, 1 or 2)."""
    parser = build_parser()
    stderr = stderr if stderr is not None else sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    # `--backup` alone means `--backup=.orig`; a suffix only comes with `=`, so that
    # `zhclean -i --backup FILE` does not take FILE for the suffix.
    argv = ["--backup=.orig" if a == "--backup" else a for a in argv]
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse has printed the usage error or --help
        return int(e.code or 0) if isinstance(e.code, int) else _EXIT_ERROR
    out = stdout if stdout is not None else sys.stdout.buffer
    run = _Run(args, out, stderr, stdin)
    try:
        config = make_config(args)
    except (ZhcleanError, TypeError) as e:
        run.error(str(e), _EXIT_ERROR)
        return run.status
    paths = args.paths or ["-"]
    files = [p for p in paths if p != "-"]
    usage = _check_usage(args, paths, files)
    if usage:
        run.error(usage, _EXIT_ERROR)
        return run.status
    if args.learn_boilerplate:
        learned = _learn(run, config, files)
        if learned is None:
            return run.status
        config = config.replace(boilerplate_profile=learned)
    pipeline = Pipeline(config)
    if args.jsonl:
        return _run_jsonl(run, pipeline, paths, files)

    if "-" in paths:
        data = (stdin if stdin is not None else sys.stdin.buffer).read()
        _process(run, pipeline, "<stdin>", data, None, Path(args.output) if args.output else None)

    try:
        if args.jobs > 1 and not args.detect:
            _process_parallel(run, pipeline, files)
        else:
            for path in iter_files(files, args.recursive, args.include, args.exclude):
                try:
                    data = read_bytes(path)
                except InputError as e:
                    run.error(str(e), _EXIT_ERROR)
                    continue
                _process(run, pipeline, str(path), data, path, _target(args, path, files))
    except InputError as e:
        run.error(str(e), _EXIT_ERROR)
    except BrokenPipeError:  # `zhclean FILE | head`
        return run.status
    finally:
        run.progress.close()
    if run.progress.enabled and run.summary.documents > 1:
        print(f"zhclean: {run.summary.line()}", file=run.stderr)
    return run.status


def _learn(run: _Run, config: CleanConfig, files: list[str]) -> Boilerplate | None:
    """The first pass of --learn-boilerplate: the recurring lines of the inputs as the strip
    stage will see them (after decoding, repair, normalization and conversion); saved to
    --profile when given."""
    before_strip = Pipeline(config.replace(strip_boilerplate=False, boilerplate_profile=None))
    args = run.args

    def texts() -> Iterator[str]:
        # one document at a time: memory holds the counts, not the corpus
        for path in iter_files(files, args.recursive, args.include, args.exclude):
            if args.jsonl:
                try:
                    with open(path, "rb") as f:
                        for text in record_texts(f, args.field):  # bad lines: the second pass names them
                            yield before_strip.run(text, explain=False).text
                except OSError:
                    continue  # the second pass reports it
                continue
            try:
                yield before_strip.run(read_bytes(path), explain=False).text
            except ZhcleanError:
                continue  # the second pass reports it

    try:
        profile = Boilerplate.learn(texts())
    except InputError as e:
        run.error(str(e), _EXIT_ERROR)
        return None
    target = getattr(run.args, "boilerplate_profile", None)
    if target:
        try:
            profile.save(target)
        except OSError as e:
            run.error(f"{target}: cannot write the boilerplate profile ({e.strerror or e})", _EXIT_ERROR)
            return None
    if run.args.explain:
        print(json.dumps({"learned_boilerplate": {"documents": profile.documents, "lines": len(profile)}},
                         ensure_ascii=False), file=run.stderr)
    return profile


def _run_jsonl(run: _Run, pipeline: Pipeline, paths: list[str], files: list[str]) -> int:
    """--jsonl: each input a JSON Lines file, streamed record by record."""
    args = run.args
    progress = run.progress
    progress.unit = "document(s)"
    if "-" not in paths:
        progress.total = sum(Path(f).stat().st_size for f in files if Path(f).is_file()) or None

    def one(name: str, source: BinaryIO, target: BinaryIO) -> None:
        done = clean_jsonl(source, target, pipeline, args.field, args.report_field, max(1, args.jobs), name,
                           progress)
        for error in done.errors:
            run.error(error, _EXIT_CHANGES)
        run.summary.add(done)

    try:
        if "-" in paths:
            stdin = run.stdin if run.stdin is not None else sys.stdin.buffer
            if args.output:
                with atomic_stream(Path(args.output)) as f:
                    one("<stdin>", stdin, f)
            else:
                one("<stdin>", stdin, run.stdout)
        for path in iter_files(files, args.recursive, args.include, args.exclude):
            target = _target(args, path, files)
            try:
                with open(path, "rb") as source:
                    if target is None:
                        one(str(path), source, run.stdout)
                    else:
                        with atomic_stream(target, mode_from=path) as f:
                            one(str(path), source, f)
            except BrokenPipeError:
                raise
            except OSError as e:
                run.error(f"{path}: cannot read or write ({e.strerror or e})", _EXIT_ERROR)
    except InputError as e:
        run.error(str(e), _EXIT_ERROR)
    except BrokenPipeError:  # `zhclean --jsonl FILE | head`
        return run.status
    progress.close()
    if not args.quiet:
        print(f"zhclean: {run.summary.line()}", file=run.stderr)
    return run.status


def _process_parallel(run: _Run, pipeline: Pipeline, files: list[str]) -> None:
    """-j N over files: each worker reads, cleans and writes a file, with a run of its own
    that keeps what it would print; here those are replayed in the order of the inputs."""
    args = run.args
    with ProcessPoolExecutor(args.jobs, initializer=_init_file_worker, initargs=(pipeline, args, files)) as pool:
        names = (str(p) for p in iter_files(files, args.recursive, args.include, args.exclude))
        for _, (status, out, err, summary, size) in ordered_map(_process_in_worker, names, pool, args.jobs * 4):
            run.stdout.write(out)
            run.stderr.write(err)
            run.status = max(run.status, status)
            run.summary.add(summary)
            run.progress.update(summary.documents, size)


def _target(args: argparse.Namespace, path: Path, files: list[str]) -> Path | None:
    """Where the result of ``path`` goes: itself (-i), under -O, to -o, or stdout (None)."""
    if args.in_place:
        return path
    if args.output_dir:
        return Path(args.output_dir) / _relative_to_inputs(path, files)
    if args.output:
        return Path(args.output)
    return None


def _relative_to_inputs(path: Path, inputs: list[str]) -> Path:
    for raw in inputs:
        root = Path(raw)
        if root.is_dir():
            try:
                return path.relative_to(root)
            except ValueError:
                continue
    return Path(path.name)


def _check_usage(args: argparse.Namespace, paths: list[str], files: list[str]) -> str | None:
    modes = sum(bool(x) for x in (args.output, args.output_dir, args.in_place))
    if modes > 1:
        return "choose one of -o, -O and -i"
    if args.check + args.diff + args.detect > 1:
        return "choose one of --check, --diff and --detect"
    if args.json and not args.detect:
        return "--json goes with --detect"
    if args.jsonl and (args.check or args.diff or args.detect):
        return "--jsonl does not go with --check, --diff or --detect"
    if not args.jsonl and (args.report_field or args.field != "text"):
        return "--field and --report-field go with --jsonl"
    if args.jobs < 1:
        return "-j needs a number of processes of 1 or more"
    if args.backup and not args.in_place:
        return "--backup goes with -i/--in-place"
    if args.in_place and "-" in paths:
        return "-i needs files, not standard input"
    if args.output and len(paths) > 1:
        return "-o takes one input; use -O DIR for several"
    if args.output and any(Path(f).is_dir() for f in files):
        return "-o takes one file; use -O DIR for a directory"
    for f in files:
        if args.output and Path(args.output).exists() and Path(f).exists() and Path(args.output).samefile(f):
            return f"{f}: output is the input; use -i to rewrite it in place"
        if args.output_dir and Path(f).is_file() and Path(args.output_dir).exists() and \
                Path(args.output_dir).resolve() / Path(f).name == Path(f).resolve():
            return f"{f}: output is the input; use -i to rewrite it in place"
    return None
