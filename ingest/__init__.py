"""Extraction: articles in, entities and relations with evidence out.

Public surface used by the CLI, the API and the demo: read articles
(:func:`read_article`, :func:`article_from_text`, :func:`iter_article_paths`),
extract (:class:`Extractor`), format for the scorer (:func:`to_prediction`) and
score (:func:`evaluate`).
"""

from __future__ import annotations

from .errors import (
    ArticleError,
    ArticleNotFound,
    ArticleTooLarge,
    BinaryArticle,
    EmptyArticle,
    FetchError,
    ModelNotInstalled,
    NeedsOCR,
    UndecodableArticle,
    UnreadableArticle,
    UnsupportedFormat,
)
from .evaluation import EvalReport, evaluate
from .extractor import Extractor
from .known import KnownNames
from .language import detect_language
from .prediction import to_prediction
from .reader import (
    Article,
    ArticleScan,
    SkippedFile,
    article_from_bytes,
    article_from_text,
    iter_article_paths,
    read_article,
    scan_article_paths,
)

__all__ = [
    "Article",
    "read_article",
    "article_from_text",
    "article_from_bytes",
    "iter_article_paths",
    "scan_article_paths",
    "ArticleScan",
    "SkippedFile",
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
    "FetchError",
    "Extractor",
    "KnownNames",
    "to_prediction",
    "evaluate",
    "EvalReport",
    "detect_language",
]
