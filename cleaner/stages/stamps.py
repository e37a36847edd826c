"""Post stamps: the dates, clock times and ages that sign a comment or date a post, in English,
German, Spanish, French, Italian, Portuguese and Dutch (for the comment-thread stage)."""

import regex

# Month names and their short forms in English, German, Spanish, French, Italian, Portuguese
# and Dutch.
MONTH = (
    r"(?:jan(?:uary|uar|vier|eiro|uari)?|feb(?:ruary|ruar|ruari|braio)?|février|fevereiro"
    r"|mar(?:ch|s|zo|ço)?|märz|maart|apr(?:il|ile)?|avril|abril|ma[iy]|mayo|maggio|maio|mei"
    r"|june?|juni|juin|junio|junho|giugno|july?|juli|juillet|julio|julho|luglio"
    r"|aug(?:ust|ustus)?|août|agosto|sep(?:t(?:ember)?)?|septiembre|septembre|settembre"
    r"|setembro|o[ck]t(?:ober)?|octubre|octobre|ottobre|outubro|nov(?:ember)?|noviembre"
    r"|novembre|novembro|de[cz](?:ember)?|diciembre|décembre|dicembre|dezembro|enero|gennaio"
    r"|febrero)\.?"
)
# A post's stamp: a date with its year (written out or in figures) or with a clock time
# ("Monday July 23, @09:02PM"), a clock time with am/pm (a bare "52:10" is a duration as
# often), or an age ("3 hours ago").
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?\s*[ap]\.?m\b\.?"
DATE = (
    MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    + r"|\d{1,2}(?:st|nd|rd|th)?\.?\s+"
    + MONTH
    + r",?\s+\d{4}"
    + r"|\d{1,2}\s+de\s+"  # "15 de mayo de 2019", "3 de março de 2020"
    + MONTH
    + r"\s+(?:de\s+)?\d{4}"
    + r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    + r"|"
    + MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:at\s+|@\s*)?"
    + CLOCK
)
AGE = r"(?:\d+|an?)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
STAMP = regex.compile(rf"(?i)\b(?:{DATE}|{CLOCK}|{AGE})\b")
# A header is dated: a clock time alone heads a live blog's entries ("Jane Smith, 10:32 a.m."),
# the article's own text, as often as a comment.
DATED = regex.compile(rf"(?i)\b(?:{DATE}|{AGE})\b")
# What every stamp holds, found much faster than DATED: a figure, or "ago" ("an hour ago").
MAY_BE_STAMPED = regex.compile(r"\d|\bago\b", regex.IGNORECASE)
