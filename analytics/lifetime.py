"""Helper processes that die with the process that started them.

A ``kill -9`` of ``crisis-analytics sentiment store`` cannot run any clean-up, so its
scoring helpers must notice by themselves: on Linux the kernel sends them a signal when
their parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon thread checks the
parent every second. Report kernels need nothing from here: ipykernel already polls its
parent (``JPY_PARENT_PID``, set by jupyter_client) and exits when it goes.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent_pid: int) -> None:
    """Make this process exit when ``parent_pid`` (its parent) exits; call it first thing.

    Used as a process pool's ``initializer`` with ``initargs=(os.getpid(),)``.
    """
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch, args=(parent_pid,), daemon=True).start()


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(1.0)
    os._exit(1)
