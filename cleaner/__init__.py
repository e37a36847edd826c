"""cleaner: strip boilerplate and noise from scraped news text.

from cleaner import clean
result = clean(raw_text)          # result.text, result.removed, result.edits
"""

__version__ = "0.1.0"

from functools import lru_cache

from .errors import CleanerError, InputError, RuleError, RuleTimeout
from .pipeline import Cleaner, Result

__all__ = ["Cleaner", "CleanerError", "InputError", "Result", "RuleError", "RuleTimeout", "clean"]


@lru_cache(maxsize=1)
def _default_cleaner() -> Cleaner:
    return Cleaner()


def clean(text, *, url=None, outlet=None, lang=None, fmt="auto") -> Result:
    """Clean one document with the bundled rules; see Cleaner for custom rules and options."""
    return _default_cleaner().clean(text, url=url, outlet=outlet, lang=lang, fmt=fmt)
