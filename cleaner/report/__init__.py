"""`cleaner report`: one self-contained HTML page showing what cleaner did to a corpus,
from the results `cleaner batch --changes` writes (results -> model -> sample -> page)."""
