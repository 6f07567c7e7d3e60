"""Fixtures for tests that check what a screen reader gets, over a real AT-SPI bus."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from .stack import A11yStack, missing_tools

_STACKS: list[A11yStack] = []


class RunningApp:
    """An app started on the stack, and the AT-SPI client pointed at it."""

    def __init__(self, stack: A11yStack, pid: int) -> None:
        self.stack = stack
        self.pid = pid

    def client(self, command: str, *args: str, timeout: float = 20) -> dict[str, Any]:
        return self.stack.client(command, *args, "--pid", str(self.pid), timeout=timeout)


def start_stack(tmp_path_factory: pytest.TempPathFactory) -> A11yStack:
    missing = missing_tools()
    if missing:
        pytest.fail(
            "the accessibility stack cannot start; missing: "
            + ", ".join(missing)
            + " (scripts/bootstrap.sh installs them)",
            pytrace=False,
        )
    stack = A11yStack(tmp_path_factory.mktemp("a11y"))
    _STACKS.append(stack)
    stack.start()
    return stack


def launch(stack: A11yStack, argv: Sequence[str], env: Mapping[str, str]) -> RunningApp:
    stack.launch_app(argv, env)
    proc = next(p for name, p in reversed(stack.procs) if name == "app")
    return RunningApp(stack, proc.pid)


@pytest.fixture(scope="module")
def a11y_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[A11yStack]:
    stack = start_stack(tmp_path_factory)
    try:
        yield stack
    finally:
        stack.stop()
        _STACKS.remove(stack)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.failed and _STACKS:
        for stack in _STACKS:
            report.sections.append((f"accessibility stack logs ({stack.root})", stack.report()))
    return report


REPO = Path(__file__).resolve().parents[2]
