"""Extraction on several cores reads exactly what one process reads."""

from __future__ import annotations

from chipgraph.data.synthetic import synthetic_articles
from chipgraph.ingest import Extractor, article_from_text
from chipgraph.ingest.parallel import MIN_ARTICLES_PER_WORKER, available_cores, extract_in_processes, worker_count


def _articles(n: int):
    return [article_from_text(a.text, source=a.name) for a in synthetic_articles(n, seed=11)]


def test_two_processes_give_the_same_extractions_in_order(extractor: Extractor) -> None:
    articles = _articles(40)
    alone = list(extractor.extract_many(articles, batch_size=8))
    together = list(extract_in_processes(articles, extractor, processes=2, batch_size=8))
    assert [x.document.source for x in together] == [a.source for a in articles]
    assert together == alone
    assert sum(len(x.relations) for x in together) > 40  # the synthetic articles state real facts


def test_stopping_early_leaves_no_work_behind(extractor: Extractor) -> None:
    articles = _articles(30)
    stream = extract_in_processes(articles, extractor, processes=2, batch_size=4)
    first = next(stream)
    stream.close()  # an interrupted ingest: the pool shuts down without waiting for the rest
    assert first.document.source == articles[0].source


def test_one_process_needs_no_pool(extractor: Extractor) -> None:
    articles = _articles(3)
    assert list(extract_in_processes(articles, extractor, processes=1)) == list(extractor.extract_many(articles))


def test_worker_count_uses_every_core_only_when_there_is_work() -> None:
    cores = available_cores()
    assert worker_count(3, 1) == 3  # asked for explicitly
    assert worker_count(0, 5) == 1  # a handful of articles: no start-up cost
    assert worker_count(0, 10_000) == cores
    assert worker_count(0, MIN_ARTICLES_PER_WORKER * 2) == min(cores, 2)
    assert worker_count(0, None) == cores


def test_settings_rebuild_an_equal_extractor(extractor: Extractor) -> None:
    assert Extractor(**extractor.settings()).model_name == extractor.model_name


def test_workers_match_the_known_names_too(extractor: Extractor) -> None:
    from chipgraph.graph.model import Entity, EntityType
    from chipgraph.ingest import KnownNames

    listed = Entity.create("Quillmere Vacuum Systems", EntityType.ORG, aliases=["quillmere vacuum"])
    known = KnownNames("test-parallel-known", (listed,))
    texts = [f"Brief {i}. Last spring quillmere vacuum shipped pumps to Hua Hong Semiconductor." for i in range(6)]
    articles = [article_from_text(t, source=f"k{i}.txt") for i, t in enumerate(texts)]
    together = list(extract_in_processes(articles, extractor, processes=2, batch_size=2, known=known))
    assert together == list(extractor.extract_many(articles, known=known))
    assert all(listed.id in {e.id for e in x.entities} for x in together)
