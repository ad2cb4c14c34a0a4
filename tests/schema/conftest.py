"""Prints the conformance figures (N/N per group) at the end of the run."""

from __future__ import annotations

from typing import Any

CONFORMANCE: dict[str, tuple[int, int]] = {}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not CONFORMANCE:
        return
    terminalreporter.section("ORCID v3.0 conformance (orcid-model samples)")
    for group, (passed, total) in CONFORMANCE.items():
        terminalreporter.write_line(f"{group}: {passed}/{total}")
