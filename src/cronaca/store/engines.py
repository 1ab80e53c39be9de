"""Where ``cronaca ingest`` parses and codes: worker processes here, or a Dask cluster.

The ingesting process (``cronaca.store.ingest.Ingester``) reads, cleans and skips what is
stored; an engine only gets clean, not yet stored articles (``Job``), a few at a time
(a partition of ``chunk`` jobs), and gives back for each one the rows to write
(``ArticleRows``) or a ``Failure``.  Nothing here touches the database: the ingesting process
is its only writer.

- ``LocalEngine``: ``workers`` processes on this machine (``multiprocessing``, spawn context).
- ``DaskEngine``: the tasks of a Dask distributed cluster: a ``LocalCluster`` of worker
  processes, or the workers of a running scheduler (``--scheduler tcp://host:port``), which
  need the same Cronaca (and its models) installed.

Every worker process loads the language models once, on first use (``cronaca.nlp.models``
caches them per process), and keeps them for every later partition.  Workers ignore Ctrl-C:
the ingesting process decides, commits what came back and cancels the rest.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import signal
import threading
from typing import Any

from cronaca.model import Failure
from cronaca.store.ingest import ArticleRows, Job, code_article

log = logging.getLogger(__name__)

DEFAULT_CHUNK = 4            # articles per partition: a task is a few seconds of work

Result = ArticleRows | Failure


def code_partition(jobs: list[Job], run_id: str, stages: tuple[str, ...]) -> list[Result]:
    """What a worker runs: parse and code every job of a partition (importable by reference)."""
    return [code_article(job.article, job.hash, job.url, run_id, stages) for job in jobs]


def _ignore_sigint() -> None:
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _failed(jobs: list[Job], exc: BaseException) -> list[Result]:
    """A partition whose worker died or raised: each of its articles is a failure (retried
    by the next run, as every failure is)."""
    return [Failure(job.article.source, f"[E999] {job.article.source}: worker failed "
                                        f"({type(exc).__name__}: {exc}); re-run to retry")
            for job in jobs]


class Engine:
    """Partitions in flight and the ones that are finished; subclasses run them."""

    name = "engine"

    def __init__(self, workers: int, chunk: int = DEFAULT_CHUNK):
        if workers < 1:
            raise ValueError(f"--workers must be at least 1 (got {workers})")
        if chunk < 1:
            raise ValueError(f"chunk must be at least 1 (got {chunk})")
        self.workers, self.chunk = workers, chunk
        self.futures: dict[Any, list[Job]] = {}

    @property
    def capacity(self) -> int:
        """Partitions in flight at most: every worker busy and one more queued for each."""
        return 2 * self.workers

    @property
    def in_flight(self) -> int:
        return len(self.futures)

    def submit(self, jobs: list[Job], run_id: str, stages: tuple[str, ...]) -> None:
        self.futures[self._submit(list(jobs), run_id, stages)] = list(jobs)

    def completed(self, wait: bool) -> list[tuple[list[Job], list[Result]]]:
        """The finished partitions with their results; ``wait``: block until there is one."""
        if not self.futures:
            return []
        done = self._done(wait)
        out = []
        for future in done:
            jobs = self.futures.pop(future)
            try:
                results = future.result()
            except Exception as exc:  # a worker died or the task raised
                log.warning("a partition of %d article(s) failed at its worker: %s",
                            len(jobs), exc)
                results = _failed(jobs, exc)
            out.append((jobs, results))
        return out

    def _submit(self, jobs: list[Job], run_id: str, stages: tuple[str, ...]) -> Any:
        raise NotImplementedError

    def _done(self, wait: bool) -> list[Any]:
        raise NotImplementedError

    def close(self, cancel: bool = False) -> None:
        raise NotImplementedError


class LocalEngine(Engine):
    """``workers`` processes on this machine, started on the first partition."""

    name = "local"

    def __init__(self, workers: int, chunk: int = DEFAULT_CHUNK):
        super().__init__(workers, chunk)
        self.pool: cf.ProcessPoolExecutor | None = None

    def _submit(self, jobs: list[Job], run_id: str, stages: tuple[str, ...]) -> Any:
        if self.pool is None:
            import multiprocessing
            import os

            # One math thread per worker: the workers already share the cores, and the
            # encoder's matrix products would otherwise spawn a thread pool in each of them.
            # Spawned workers read these when they import numpy; this process has already.
            for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
                os.environ.setdefault(var, "1")
            self.pool = cf.ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_ignore_sigint)
        return self.pool.submit(code_partition, jobs, run_id, stages)

    def _done(self, wait: bool) -> list[Any]:
        done, _ = cf.wait(list(self.futures), timeout=None if wait else 0,
                          return_when=cf.FIRST_COMPLETED)
        return list(done)

    def close(self, cancel: bool = False) -> None:
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if cancel:
            processes = list(getattr(pool, "_processes", {}).values())  # no public way in 3.11
            pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:        # the partitions in flight are not waited for
                process.terminate()
            for process in processes:
                process.join(5)
        else:
            pool.shutdown(wait=True)
        self.futures.clear()


class DaskEngine(Engine):
    """Tasks on Dask distributed: a ``LocalCluster`` (default) or a running ``scheduler``."""

    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None,
                 chunk: int = DEFAULT_CHUNK):
        super().__init__(workers or 2, chunk)
        self.scheduler = scheduler
        self.client: Any = None
        self.cluster: Any = None

    def start(self) -> None:
        """Connect (or start the local cluster); done on the first partition."""
        if self.client is not None:
            return
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a dependency, but say what is missing
            from cronaca.store.db import StoreError
            raise StoreError(f"--engine dask needs the dask and distributed packages ({exc})") \
                from None
        # distributed logs every worker start and stop at INFO; Cronaca's own log is enough
        logging.getLogger("distributed").setLevel(logging.WARNING)
        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout="20s")
            except (OSError, TimeoutError, ValueError) as exc:
                from cronaca.store.db import StoreError
                raise StoreError(f"cannot reach the Dask scheduler {self.scheduler} "
                                 f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})") \
                    from None
            workers = len(self.client.scheduler_info().get("workers", {}))
            if workers:
                self.workers = workers
        else:
            import dask

            # Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, which makes
            # glibc hand memory back after every parse: `cronaca bench ingest` measured Dask
            # at 0.67x of the local engine with it (10,000 articles), 0.82x without (2,000)
            environ = {k: v for k, v in
                       (dask.config.get("distributed.nanny.pre-spawn-environ") or {}).items()
                       if k != "MALLOC_TRIM_THRESHOLD_"}
            with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                            processes=True, dashboard_address=None,
                                            silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
            self.client.register_plugin(_sigint_plugin(), name="cronaca-ignore-sigint")

    def _submit(self, jobs: list[Job], run_id: str, stages: tuple[str, ...]) -> Any:
        self.start()
        return self.client.submit(code_partition, jobs, run_id, stages, pure=False)

    def _done(self, wait: bool) -> list[Any]:
        if wait:
            from distributed import wait as dask_wait

            dask_wait(list(self.futures), return_when="FIRST_COMPLETED")
        return [f for f in self.futures if f.done()]

    def close(self, cancel: bool = False) -> None:
        client, cluster = self.client, self.cluster
        self.client = self.cluster = None
        try:
            if client is not None:
                if cancel and self.futures:
                    client.cancel(list(self.futures))
                client.close()
        finally:
            self.futures.clear()
            if cluster is not None:
                cluster.close()


def _sigint_plugin() -> Any:
    """A worker plugin: local cluster workers share the terminal, Ctrl-C is for the ingesting
    process.  Built on demand so that local workers never import ``distributed``."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class IgnoreSigint(WorkerPlugin):
        def setup(self, worker: Any) -> None:
            try:
                _ignore_sigint()
            except (ValueError, OSError):
                pass

    return IgnoreSigint()


def make_engine(engine: str = "local", workers: int | None = None,
                scheduler: str | None = None, chunk: int = DEFAULT_CHUNK) -> Engine | None:
    """The engine for ``cronaca ingest --engine/--workers/--scheduler``; None: in process."""
    if engine == "local":
        if scheduler:
            raise ValueError("--scheduler needs --engine dask")
        return None if (workers or 1) == 1 else LocalEngine(workers or 1, chunk)
    if engine == "dask":
        return DaskEngine(workers, scheduler, chunk)
    raise ValueError(f"unknown engine {engine!r} (local or dask)")
