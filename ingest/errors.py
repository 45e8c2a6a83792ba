"""Errors raised while reading articles and loading the extraction model.

Each one names the file (or model) and says what to do about it, so that the
CLI can print it as is and the API can turn it into a 4xx without a traceback.
"""

from __future__ import annotations

from chipgraph.graph.errors import ChipgraphError

__all__ = [
    "ArticleError",
    "ArticleNotFound",
    "EmptyArticle",
    "BinaryArticle",
    "UndecodableArticle",
    "ArticleTooLarge",
    "UnsupportedFormat",
    "UnreadableArticle",
    "ModelNotInstalled",
    "NeedsOCR",
    "EncryptedPDF",
    "DamagedPDF",
    "FetchError",
    "HostNotFound",
    "ConnectionFailed",
    "FetchTimeout",
    "HTTPStatusError",
    "TooManyRedirects",
    "UnsupportedContentType",
    "PageTooLarge",
    "AddressNotAllowed",
]


class ArticleError(ChipgraphError):
    """An article cannot be read as text; the message names it and the fix.

    ``kind`` is the short name an ingest summary counts failures by
    ("needs OCR", "HTTP 404"), so a batch's closing line says what went wrong.
    """

    kind: str = "unreadable"


class ArticleNotFound(ArticleError, FileNotFoundError):
    """A path given on the command line does not exist."""


class EmptyArticle(ArticleError):
    """The file (or its article body, after page chrome is removed) holds no text."""


class BinaryArticle(ArticleError):
    """The file looks like binary data (NUL bytes, a PDF or an image), not text."""


class UndecodableArticle(ArticleError):
    """The file is neither UTF-8 nor clearly text in a fallback encoding."""


class UnreadableArticle(ArticleError):
    """The file cannot be read: permission denied, an I/O error, or it is not
    a regular file (a FIFO, socket or device named like an article)."""


class ArticleTooLarge(ArticleError):
    """The file is above the size limit (a dump or a binary mistaken for an article)."""

    kind = "too large"


class UnsupportedFormat(ArticleError, ValueError):
    """A file extension or format name chipgraph does not read."""

    kind = "unsupported format"


class NeedsOCR(ArticleError):
    """A PDF without a text layer (a scan): its pages are pictures of text,
    which only OCR can turn into text; it is reported, never stored empty."""

    kind = "needs OCR"


class EncryptedPDF(ArticleError):
    """A PDF that opens only with a password."""

    kind = "password-protected PDF"


class DamagedPDF(ArticleError):
    """A file named or served as PDF that cannot be parsed as one."""

    kind = "damaged PDF"


class FetchError(ArticleError):
    """A web address could not be fetched as an article."""

    kind = "fetch failed"


class HostNotFound(FetchError):
    """The address's host name does not resolve (a typo, or no network)."""

    kind = "host not found"


class ConnectionFailed(FetchError):
    """The host resolved but the connection was refused or broke off."""

    kind = "connection failed"


class FetchTimeout(FetchError):
    """The server did not answer (or finish answering) within the timeout."""

    kind = "timed out"


class HTTPStatusError(FetchError):
    """The server answered with an error status (404, 500...)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status
        self.kind = f"HTTP {status}"


class TooManyRedirects(FetchError):
    """The address redirects more times than allowed (or in a loop)."""

    kind = "too many redirects"


class UnsupportedContentType(FetchError, UnsupportedFormat):
    """The page is neither HTML, plain text nor PDF (an image, a video...)."""

    kind = "unsupported content type"


class PageTooLarge(FetchError, ArticleTooLarge):
    """The page is over the download cap (it is never read past the cap)."""

    kind = "too large"


class AddressNotAllowed(FetchError):
    """The address is on this machine or a private network, which the server
    refuses to fetch (server-side request forgery) unless configured to."""

    kind = "address not allowed"


class ModelNotInstalled(ChipgraphError):
    """No spaCy model could be loaded; the message says which to install."""
