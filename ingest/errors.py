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
]


class ArticleError(ChipgraphError):
    """An article cannot be read as text; the message names it and the fix."""


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


class UnsupportedFormat(ArticleError, ValueError):
    """A file extension or format name chipgraph does not read."""


class ModelNotInstalled(ChipgraphError):
    """No spaCy model could be loaded; the message says which to install."""
