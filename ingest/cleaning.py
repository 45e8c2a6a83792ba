"""Turn what scrapers really hand us into article text.

Scraped pages carry menus, share buttons, cookie banners, author bios,
"Related news" and "See also" lines.  Left in, they become entities ("LinkedIn
Account", the site's own name) and even sentences that parse into facts.  HTML
goes through trafilatura (the article body plus title and date metadata);
Markdown loses its markup; then line rules drop the chrome that survives in
plain text.  Everything here is cheap string work, done once per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CleanText", "html_to_text", "markdown_to_text", "strip_chrome", "looks_like_html"]


@dataclass(frozen=True)
class CleanText:
    """Cleaned article text with whatever metadata the page gave."""

    text: str
    title: str | None = None
    date: str | None = None
    site_names: tuple[str, ...] = ()


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page or fragment rather than prose."""
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return len(re.findall(r"</?(p|div|article|body|span|a|h[1-6]|br|li|section)\b", head)) >= 3


def html_to_text(html: str) -> CleanText:
    """Article body, title and date of an HTML page, via trafilatura.

    Falls back to tag stripping when trafilatura finds no main text (a bare
    fragment), so no page is lost.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    title = date = None
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # trafilatura raises assorted errors on odd markup
        meta = None
    if meta is not None:
        title = meta.title or None
        date = meta.date or None
    try:
        body = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_precision=True, deduplicate=True
        )
    except Exception:
        body = None
    if not body:
        body = _strip_tags(html)
    text = body
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    cleaned = strip_chrome(text)
    return CleanText(cleaned.text, title=title, date=date or cleaned.date, site_names=cleaned.site_names)


def _strip_tags(html: str) -> str:
    import html as htmlmod

    html = re.sub(r"(?is)<(script|style|nav|footer|aside|header)\b.*?</\1>", " ", html)
    html = re.sub(r"(?i)<br\s*/?>|</(p|div|h[1-6]|li|article|section)>", "\n", html)
    text = re.sub(r"<[^>]*>", " ", html)
    text = htmlmod.unescape(text)
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines())


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?s)```.*?```"), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(?m)^\s{0,3}#{1,6}\s*"), ""),  # headings
    (re.compile(r"(?m)^\s{0,3}>\s?"), ""),  # quotes
    (re.compile(r"(?m)^\s*([-*+]|\d+\.)\s+"), ""),  # list bullets
    (re.compile(r"(?m)^\s*([-*_]\s*){3,}$"), ""),  # rules
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?!\w)"), r"\1"),
    (re.compile(r"(?<!\w)_(?!\s)([^_\n]+?)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),
)


def markdown_to_text(md: str) -> CleanText:
    """Markdown without its markup; the first heading is the title."""
    title = None
    m = re.search(r"(?m)^\s{0,3}#\s+(.+)$", md)
    if m:
        title = m.group(1).strip()
    text = md
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return strip_chrome(text, title=title)


# Lines that are page furniture wherever they appear.
_CHROME_LINE = re.compile(
    r"""^\s*(
        (also\s+read|read\s+more|read\s+also|see\s+also|readers\s+also\s+like|you\s+may\s+also\s+like
         |related(\s+(news|articles?|posts?|stories|coverage|reading))?|more\s+from|recommended(\s+for\s+you)?
         |trending(\s+now)?|popular(\s+(articles?|posts?|stories))?|most\s+read|top\s+\d+\s+this\s+week
         |do\s+follow|follow\s+us|share(\s+this(\s+article)?|\s+on)?|tweet|print|email|advertisement|advert(isement)?
         |sponsored(\s+content)?|subscribe(\s+now)?|sign\s+up|newsletter|read\s+source|view\s+all\s+posts
         |about\s+us|about\s+the\s+author|leave\s+a\s+(comment|reply)|comments?|tags?|filed\s+under
         |skip\s+to\s+(main\s+)?content|click\s+here|listen\s+to\s+this\s+article|image\s+(source|credit)s?
         |photo(\s+credit)?s?|source|copyright|all\s+rights\s+reserved|©|our\s+standards
         |\d+\s+min(ute)?s?\s+read|(estimated\s+)?reading\s+time
         # the same furniture on Dutch and German sites
         |lees\s+(ook|meer|verder)|deel\s+dit\s+(artikel|bericht)|meer\s+over\s+dit|gerelateerde\s+artikelen
         |bekijk\s+ook|leestijd|(delen|advertentie|anzeige|werbung|teilen|artikel\s+teilen)(?=\s*:?\s*$)|(foto|beeld|bild)(?=\s*:)
         |lesen\s+sie\s+(auch|mehr)|auch\s+interessant|mehr\s+zum\s+thema|zum\s+thema(?=\s*:)
         |weiterlesen|mehr\s+lesen|verwandte\s+(artikel|themen)|empfehlungen|lesezeit)
        \b[^\n]*$
        |(by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*$)
        |(designed\s+by\b.*)
        |(\d{1,2}:\d{2}\s*(am|pm)?(\s*[A-Z]{2,4}([+-]\d+)?)?\s*$)
        |([•·▪◦*-]\s*[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*$)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# What a scraper saves when the site answered with something other than the
# story: error pages, sign-in and paywall notices, browser warnings.  Such a
# line can read as a sentence ("Sorry, the page you were looking for does not
# exist.") and would otherwise become the article's title in every citation.
_NOTICE_LINE = re.compile(
    r"""^\s*(
        \d{3}(\s+(forbidden|not\s+found|error))?[.!]*
        |(sorry|oops|error)[!.,]*(\s+(we('re|\s+are)|something|(the|this)\s+page|an?\s+error|there\s+was|nothing|not\s+found)\b.{0,60})?
        |page\s+not\s+found|access\s+denied|(pagina|seite)\s+(niet\s+gevonden|nicht\s+gefunden)
        |please\s+(sign|log)\s+in\b.*|(sign|log)\s+in\s+to\s+(read|continue|view)\b.*
        |(please\s+)?(enable|activate)\s+javascript\b.*|your\s+browser\s+(is|does)\b.*
        |(this\s+(article|content|story)\s+is\s+(only\s+)?(available\s+)?(for|to)\s+(subscribers|members))\b.*
        |(log\s+in\s+om|meld\s+je\s+aan|bitte\s+melden\s+sie\s+sich\s+an|jetzt\s+anmelden)\b.*
    )\s*$
    |.*\b(the\s+page\s+you\s+(were|are)\s+looking\s+for|page\s+you\s+requested)\b.*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: a notice longer than this is prose that happens to share its words
_NOTICE_MAX_WORDS = 25

_NAMES = r"[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}((,|,?\s+and)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3})*"
_CREDIT = rf"(?i:((additional\s+)?reporting|writing|editing|compiled|translated)\s+by)\s+{_NAMES}(\s+in\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){{0,2}})?"
# Who wrote and edited the story ("By A and B", "Written by A for Reuters", "(Reporting by
# A; Editing by B)"): long enough to pass for prose, and full of names NER takes for
# companies or places
_CREDIT_LINE = re.compile(
    rf"""^\s*(
        (?i:by)\s+{_NAMES}
        |(?i:(written|reported)\s+by)\s+{_NAMES}(\s+(for|in|at)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){{0,3}})?
        |[(\[](?i:((additional\s+)?reporting|writing|editing|compiled|translated)\s+by)\s+[^\n]{{0,300}}[)\]]
        |{_CREDIT}(\s*;\s*{_CREDIT})*
    )\W*$""",
    re.VERBOSE,
)

# "See also" and "Related" lines are dropped whole, but these only when short:
_SHORT_CHROME = re.compile(r"\b(cookies?|privacy\s+policy|terms\s+of\s+(use|service)|unsubscribe|subscrib\w+|newsletter"
                           r"|all\s+rights\s+reserved|linkedin|facebook|twitter|youtube|instagram|whatsapp|telegram)\b", re.I)
#: a month's name or its start in English, Dutch and German ("March", "maart", "März", "Okt.")
_MONTH_WORD = "jan|feb|mar|mrt|maa|mär|apr|may|mei|mai|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez"
_DATE_LINE = re.compile(
    r"^\s*((date|published|updated|posted|gepubliceerd|bijgewerkt|veröffentlicht|aktualisiert)\s*(on|op|am)?\s*:?\s*)?((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(({_MONTH_WORD})[a-zä]*\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\.?\s+({_MONTH_WORD})[a-zä]*\.?\s+\d{{4}}"
    r"|\d{4}-\d{2}(-\d{2})?)"
    r"(\s*([,|]|at|om|um)?\s*\d{1,2}[:.]\d{2}\s*(am|pm|uur|uhr)?(\s*[A-Z]{2,4}([+-]\d+)?)?)?\s*$",
    re.I,
)
_INLINE_DATE = re.compile(r"^\s*date\s*:?\s*(\d{4}-\d{2}(?:-\d{2})?)\s+", re.I)
_SITE_SUFFIX = re.compile(r"\s+[–—|-]\s+[A-Z][\w.&' ]{1,40}$")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)} | {
    "mrt": 3, "maa": 3, "mär": 3, "mei": 5, "mai": 5, "okt": 10, "dez": 12}


def _iso(date_line: str) -> str | None:
    m = re.search(r"\d{4}-\d{2}(-\d{2})?", date_line)
    if m:
        return m.group(0)
    m = re.search(r"([a-zä]{3})[a-zä]*\.?\s+(\d{1,2}),?\s+(\d{4})", date_line, re.I)
    if m and m.group(1).lower() in _MONTHS:
        return f"{m.group(3)}-{_MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"
    m = re.search(r"(\d{1,2})\.?\s+([a-zä]{3})[a-zä]*\.?\s+(\d{4})", date_line, re.I)
    if m and m.group(2).lower() in _MONTHS:
        return f"{m.group(3)}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return None


def _is_notice(line: str) -> bool:
    """An error page's, sign-in wall's or browser's notice (``_NOTICE_LINE``), or
    the story's credits (``_CREDIT_LINE``): lines about the page, not the story."""
    return bool(line.strip()) and (len(line.split()) <= _NOTICE_MAX_WORDS and bool(_NOTICE_LINE.match(line))
                                   or bool(_CREDIT_LINE.match(line)))


#: words a site's section labels are made of ("News & Insights", "Tech en Wetenschap", "Wirtschaft und Politik")
_SECTION_WORDS = frozenset(
    "news insights insight markets market business technology tech world politics opinion analysis latest home economy "
    "finance companies industry semiconductors chips science breaking top stories story features feature and & "
    "nieuws economie wetenschap bedrijven binnenland buitenland en "
    "nachrichten wirtschaft politik technologie unternehmen märkte finanzen wissenschaft und".split()
)


def _is_section_label(line: str) -> bool:
    """A short line of section words only, such as a site prints above its headline."""
    words = line.lower().replace(",", " ").split()
    return 0 < len(words) <= 4 and all(w in _SECTION_WORDS for w in words)


def _is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= 12 and line.rstrip()[-1:] in ".!?\"'”’:)"


#: what starts a bullet line: a dash, star or bullet sign, or "1." / "2)"
BULLET_MARK = r"(?:[-*\u2022\u00b7\u2013\u2014\u25aa\u25cf]|\d{1,2}[.)])"
_LIST_ITEM = re.compile(rf"^\s*{BULLET_MARK}\s+\S")


def _introduced_list_lines(lines: list[str]) -> set[int]:
    """Bullet lines under a sentence that ends in a colon ("The additions
    include:", "Zu den Unternehmen gehören:"): the story's own list, which
    looks like a menu but is not one.  The colon line is kept with them."""
    keep: set[int] = set()
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line.endswith(":") or len(line.split()) < 3:
            continue
        j = i + 1
        items = []
        while j < len(lines) and _LIST_ITEM.match(lines[j]) and len(lines[j].split()) <= 15:
            items.append(j)
            j += 1
        if items:
            keep.update(items)
            keep.add(i)
    return keep


def strip_chrome(text: str, *, title: str | None = None) -> CleanText:
    """Drop page chrome from plain text, line by line.

    Rules, each for a kind of furniture seen on news sites: the notices
    of error pages and sign-in walls a scraper saved instead of (or above)
    the story; share/follow/
    "see also" lines; link bars ("A | B | C"); cookie and newsletter blurbs;
    bylines and date lines (the first date is kept as metadata); the paragraph
    after an "About us" heading and the bio before "View all posts"; short
    non-sentence lines after the last paragraph of prose (site slogans); and
    repeated short lines (a tagline printed twice).  Prose paragraphs are never
    touched, so evidence sentences survive verbatim.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    date = None
    m = _INLINE_DATE.match(text)
    if m:
        date = m.group(1)
        text = text[m.end():]
    lines = [ln for ln in text.split("\n") if not _is_notice(ln)]
    drop = [False] * len(lines)
    short_counts: dict[str, int] = {}
    for ln in lines:
        key = ln.strip().lower()
        if key and len(key.split()) <= 12:
            short_counts[key] = short_counts.get(key, 0) + 1
    prose_idx = [i for i, ln in enumerate(lines) if _is_prose(ln)]
    last_prose = prose_idx[-1] if prose_idx else len(lines)
    first_prose = prose_idx[0] if prose_idx else -1
    listed = _introduced_list_lines(lines)
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line or i in listed:
            continue
        low = line.lower()
        if _DATE_LINE.match(line):
            date = date or _iso(line)
            drop[i] = True
        elif _CHROME_LINE.match(line) and not (_is_prose(line) and not re.match(r"\s*(see also|also read|read more|related)", low)):
            drop[i] = True
            if re.match(r"\s*(about us|about the author)\b", low):
                # the blurb under the heading is the site describing itself
                j = i + 1
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j < len(lines):
                    drop[j] = True
            if re.match(r"\s*view all posts", low):
                # an author bio sits just above
                j = i - 1
                while j >= 0 and not lines[j].strip():
                    j -= 1
                if j >= 0 and j > first_prose:
                    drop[j] = True
        elif line.count("|") >= 2 and not _is_prose(line):
            drop[i] = True
        elif _SHORT_CHROME.search(line) and (len(line.split()) < 60):
            drop[i] = True
        elif len(line.split()) <= 12 and not _is_prose(line):
            if short_counts.get(low, 0) > 1:
                drop[i] = True  # a tagline printed twice is the site's, not the story's
            if i > last_prose and line.rstrip()[-1:] not in ".!?":
                drop[i] = True
            elif i < first_prose and (len(line.split()) <= 2 or _is_section_label(line)):
                drop[i] = True  # section labels such as "security" or "News & Insights" above the headline
    kept = [ln.rstrip() for ln, d in zip(lines, drop) if not d]
    site_names = _site_names([ln for ln, d in zip(lines, drop) if d])
    # strip " – Site Name" from the headline-like first kept line
    for k, ln in enumerate(kept):
        if ln.strip():
            if not _is_prose(ln):
                kept[k] = _SITE_SUFFIX.sub("", ln.strip())
            break
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    # a headline and byline often end with no full stop; give the headline a break
    return CleanText(out, title=title or _first_line(out), date=date, site_names=site_names)


_NAME_RUN = re.compile(r"\b(?:The\s+)?[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|and|&))*")
_NOT_SITE = {"LinkedIn", "Facebook", "Twitter", "Youtube", "YouTube", "Instagram", "Account", "Privacy Policy", "View", "Do Follow"}


def _site_names(dropped: list[str]) -> tuple[str, ...]:
    """Names that recur in dropped chrome lines ("The Readable", "CIO News"):
    the site's own name, which must not become an organisation when the body
    mentions it ("The Readable reached out to ...")."""
    counts: dict[str, int] = {}
    for line in dropped:
        for m in _NAME_RUN.finditer(line):
            name = m.group(0).strip()
            if len(name) > 3 and name not in _NOT_SITE:
                counts[name] = counts.get(name, 0) + 1
    return tuple(sorted(n for n, c in counts.items() if c >= 1 and (c >= 2 or n.startswith("The "))))


#: the longest title a citation shows; a lead paragraph standing in for a missing headline is cut to this
TITLE_MAX_CHARS = 160
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]”’\"'][.!?])\s+(?=[A-Z“\"'])")


def _first_line(text: str) -> str | None:
    """The article's title when the page gave none: its first line, which is
    the headline on most pages.  Where the story starts with its lead
    paragraph instead, every citation would repeat that whole paragraph, so
    the title is the paragraph's first sentence, cut at a word to
    ``TITLE_MAX_CHARS``."""
    for ln in text.split("\n"):
        line = ln.strip()
        if not line:
            continue
        if len(line) <= TITLE_MAX_CHARS:
            return line
        line = _SENTENCE_END.split(line, maxsplit=1)[0]
        if len(line) <= TITLE_MAX_CHARS:
            return line
        return line[:TITLE_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return None
