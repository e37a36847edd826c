"""The options of `clean` and `explain` that say what a document is: its outlet, URL,
language, format and the extra rule files to clean it with; and the Cleaner they make."""

from . import Cleaner
from .errors import rules_readable
from .limit_options import check_outlet, limit_options
from .rule_files import add_rules_option


def add_document_options(parser) -> None:
    parser.add_argument("--outlet", help="outlet id (default: from --url or fingerprints)")
    parser.add_argument("--url", help="the document's URL (selects the outlet by domain)")
    parser.add_argument("--lang", help="language code (default: detected)")
    add_rules_option(parser)
    parser.add_argument(
        "--input-format",
        choices=("auto", "text", "html"),
        default="auto",
        help="how to read inputs (default: sniff)",
    )


def command_cleaner(args) -> Cleaner:
    """The Cleaner of `clean` and `explain`: their rules and limits; --outlet checked."""
    with rules_readable():
        cleaner = Cleaner(rules=args.rules, **limit_options(args))
    check_outlet(args.outlet, cleaner.outlets)
    return cleaner
