"""Where batches are cleaned: in this process, in local worker processes, or on Ray.

Every engine runs the same `clean_batch` and returns futures; the runner keeps them in input
order, so the output does not depend on the engine or on how many workers it has.
"""

import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..deadline import start_watchdog
from ..errors import UsageError, WorkerError
from .records import CleanConfig, clean_batch

# Seconds between a worker's checks that the batch process still lives.
PARENT_CHECK_S = 1.0


class Done:
    """An already computed result, shaped like a future."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class InlineEngine:
    """Clean in this process: no start-up cost, for --jobs 1."""

    workers = 1

    def submit(self, config: CleanConfig, batch):
        return Done(clean_batch(config, batch))

    def restart(self):
        pass

    def close(self):
        pass


class ProcessEngine:
    """A pool of local worker processes; each compiles the rules once (see cleaner_for)."""

    def __init__(self, jobs: int):
        self.workers = jobs
        self.pool = new_pool(jobs)

    def submit(self, config: CleanConfig, batch):
        return WorkerFuture(self.pool.submit(clean_batch, config, batch))

    def restart(self):
        """A new pool after a worker died (the old one is broken for good)."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = new_pool(self.workers)

    def close(self):
        self.pool.shutdown(cancel_futures=True)


def new_pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=start_worker, initargs=(os.getpid(),))


def start_worker(parent: int) -> None:
    """Worker initializer: the parent watchdog, and the time-limit watchdog that ends a
    worker stuck past its document's limit (the runner then cleans that batch one by one)."""
    exit_with_parent(parent)
    start_watchdog()


def exit_with_parent(parent: int) -> None:
    """Worker initializer: end the worker once the batch process is gone (killed with
    SIGKILL, say), instead of leaving it waiting for work forever."""

    def watch():
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class WorkerFuture:
    """A pool future whose dead worker becomes a clear, resumable error."""

    def __init__(self, future):
        self.future = future

    def result(self):
        try:
            return self.future.result()
        except BrokenProcessPool:
            raise WorkerError(
                "a worker process died (out of memory, or killed); "
                "rerun with --resume to continue from the last checkpoint"
            ) from None


class RayEngine:
    """Ray tasks on a local or remote cluster (`address` as for ray.init)."""

    def __init__(self, address: str | None = None, jobs: int | None = None):
        ray = import_ray()
        if not ray.is_initialized():
            # A new local cluster gets --jobs CPUs; an existing cluster keeps its own.
            ray.init(
                address=address,
                num_cpus=None if address else jobs,
                log_to_driver=False,
                configure_logging=False,
            )
        self.ray = ray
        self.task = ray.remote(clean_batch)
        self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))

    def submit(self, config: CleanConfig, batch):
        return RayFuture(self.ray, self.task.remote(config, batch))

    def restart(self):
        pass  # Ray retries a task whose worker died

    def close(self):
        pass


class RayFuture:
    def __init__(self, ray, ref):
        self.ray, self.ref = ray, ref

    def result(self):
        return self.ray.get(self.ref)


def import_ray():
    try:
        import ray
    except ImportError:
        raise UsageError("the Ray engine needs ray: pip install 'cleaner[ray]'") from None
    return ray


def make_engine(name: str, jobs: int, address: str | None = None):
    if name == "ray":
        return RayEngine(address, jobs)
    return InlineEngine() if jobs == 1 else ProcessEngine(jobs)
