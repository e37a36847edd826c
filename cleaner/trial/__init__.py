"""`cleaner rules try`: what rule files would change on a corpus, rule by rule, before they
are added (runs, compare, checks, report, command)."""
