"""Start Debian's Orca for a test run, on Debian's /usr/bin/python3.

Usage: orca_launcher.py ORCA_ARGS...   (the arguments /usr/bin/orca takes)

Three things differ from running /usr/bin/orca directly, all so that a test's Orca
stays private to the test:

- its debug log is written a line at a time, so a test can wait on each utterance
  (Orca opens it block-buffered, and loses the tail when it is killed);
- it neither looks for nor kills other Orca processes of this user (``--replace`` and
  the "another Orca is running" check use ``pgrep -u UID -x orca``, which would reach
  every screen reader of the user, not only this test's);
- it keeps the process name ``python3``, so other users of ``pgrep -x orca`` do not
  see it either;
- its memory is capped (``MEMORY_LIMIT``): an Orca sent into a loop by bad accessibility
  data (it once grew by gigabytes a second) fails the test with a MemoryError instead of
  taking the whole machine down.
"""

from __future__ import annotations

import builtins
import resource
import runpy
import sys

ORCA = "/usr/bin/orca"
MEMORY_LIMIT = 4 << 30  # address space, bytes: a working Orca uses well under 1 GiB


def main() -> int:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    namespace = runpy.run_path(ORCA, run_name="orca_for_tests")
    orca_main = namespace["main"]
    module_globals = orca_main.__globals__

    def line_buffered_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if "w" in mode and "b" not in mode and not args:
            kwargs.setdefault("buffering", 1)
        return builtins.open(file, mode, *args, **kwargs)  # noqa: PTH123 - open() itself is replaced

    module_globals["open"] = line_buffered_open
    module_globals["otherOrcas"] = lambda: []
    module_globals["setProcessName"] = lambda name: False
    sys.argv = [ORCA, *sys.argv[1:]]
    result = orca_main()
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
