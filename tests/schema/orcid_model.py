"""Where ORCID's official v3.0 XSDs and samples are (../shared/orcid-model beside the repository)."""

from __future__ import annotations

import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
RESOURCES = Path(
    os.environ.get(
        "ORCHID_ORCID_MODEL", REPOSITORY.parent / "shared" / "orcid-model" / "src" / "main" / "resources"
    )
)
AVAILABLE = (RESOURCES / "record_3.0").is_dir()
MISSING_REASON = (
    f"ORCID's orcid-model is not at {RESOURCES} (set ORCHID_ORCID_MODEL): conformance tests skipped"
)

# Folders holding the v3.0 messages (the 2.1 ones are only there to resolve imports).
V3_FOLDERS = ("record_3.0", "common_3.0", "summary_3.0", "client_3.0", "group-id-3.0", "notification_3.0")


def samples(extension: str) -> list[Path]:
    if not AVAILABLE:
        return []
    return sorted(
        path for folder in V3_FOLDERS for path in (RESOURCES / folder / "samples").rglob(f"*.{extension}")
    )


def xsd_for(namespace_prefix: str, model_name: str = "") -> Path:
    """The official XSD declaring a root element of this ORCID namespace."""
    special = {
        "external-identifier": "record_3.0/person-external-identifier-3.0.xsd",
        "summary": "summary_3.0/summary-3.0.xsd",
        "common": "common_3.0/common-3.0.xsd",
        "client": "client_3.0/client-3.0.xsd",
        "group-id": "group-id-3.0/group-id-3.0.xsd",
        "notification": "notification_3.0/notification-"
        + ("custom" if "custom" in model_name else "permission")
        + "-3.0.xsd",
    }
    return RESOURCES / special.get(namespace_prefix, f"record_3.0/{namespace_prefix}-3.0.xsd")
