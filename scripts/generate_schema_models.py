#!/usr/bin/env python3
"""Regenerate `src/orchid/schema/generated/` from ORCID's official v3.0 XSDs.

The XSDs are not part of this repository (they live in `../shared/orcid-model`, ORCID's MIT-style
licensed orcid-model); only the dataclasses xsdata generates from them are committed.

Three families are generated into separate packages because they share XML namespaces but not
definitions: the record/summary messages import `common-3.0.xsd`, while the client, group-id and
notification-permission messages still import `common-2.1.xsd` (both use the `common` namespace),
and notification-custom declares the same root element as notification-permission.

Usage: python scripts/generate_schema_models.py [--orcid-model PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_RESOURCES = REPO.parent / "shared" / "orcid-model" / "src" / "main" / "resources"
TARGET_PARENT = REPO / "src"
GENERATED = TARGET_PARENT / "orchid" / "schema" / "generated"

# package name -> the XSD files (relative to orcid-model's resources folder) it is generated from.
# Imports are resolved by xsdata from these files, so only the entry points are listed, plus the
# folders their relative `schemaLocation`s point at.
FAMILIES: dict[str, dict[str, list[str]]] = {
    "record": {
        "sources": ["record_3.0", "summary_3.0"],
        "support": ["common_3.0", "xml.xsd"],
    },
    "legacy": {
        "sources": [
            "client_3.0/client-3.0.xsd",
            "group-id-3.0/group-id-3.0.xsd",
            "notification_3.0/notification-permission-3.0.xsd",
        ],
        "support": ["common_2.1", "xml.xsd"],
    },
    # Same root element as notification-permission (<notification:notification>), other content.
    "custom": {
        "sources": ["notification_3.0/notification-custom-3.0.xsd"],
        "support": ["common_2.1", "xml.xsd"],
    },
}


# ORCID marks a few text-only types `mixed="true"`. For simple content the XSD spec ignores the flag, and
# a mixed type with no child elements is plain text; xsdata would model both as a list of arbitrary
# nodes. Rewriting them as simple string/integer content gives the same documents a plain `value` field.
TARGET_NAMESPACE = re.compile(r'targetNamespace="([^"]+)"')
MIXED_SIMPLE_CONTENT = re.compile(r'<xs:complexType mixed="true">(\s*<xs:simpleContent>)')
MIXED_TEXT_ONLY = re.compile(
    r'(<xs:complexType\b[^>]*?) mixed="true"([^>]*>)'
    r"(\s*<xs:annotation>.*?</xs:annotation>)?(\s*)(</xs:complexType>)",
    re.DOTALL,
)


# notification-permission-3.0.xsd imports activities-2.1.xsd but uses nothing from it; importing it would
# generate the whole 2.1 record model (with its own copies of every vocabulary) for nothing.
UNUSED_IMPORT = re.compile(
    r'<xs:import namespace="http://www.orcid.org/ns/activities"\s+schemaLocation="../record_2.1/activities-2.1.xsd"\s*/>'
)


def as_text_content(xsd: str) -> str:
    xsd = UNUSED_IMPORT.sub("", xsd)
    xsd = MIXED_SIMPLE_CONTENT.sub(r"<xs:complexType>\1", xsd)
    return MIXED_TEXT_ONLY.sub(
        r'\1\2\3<xs:simpleContent><xs:extension base="xs:string"/></xs:simpleContent>\4\5', xsd
    )


def copy_xsds(resources: Path, relative: str, workdir: Path) -> None:
    source = resources / relative
    files = sorted(source.glob("*.xsd")) if source.is_dir() else [source]
    for xsd in files:
        target = workdir / xsd.relative_to(resources)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(as_text_content(xsd.read_text(encoding="utf-8")), encoding="utf-8")


def generate_family(resources: Path, package: str, spec: dict[str, list[str]]) -> None:
    with tempfile.TemporaryDirectory(prefix=f"orchid-xsd-{package}-") as tmp:
        workdir = Path(tmp)
        for relative in spec["sources"] + spec["support"]:
            copy_xsds(resources, relative, workdir)
        # xsdata takes one source. A wrapper schema that only imports each entry point (every entry
        # point has a namespace of its own) makes it generate exactly what those messages reach.
        imports = []
        for relative in spec["sources"]:
            path = workdir / relative
            for entry in sorted(path.glob("*.xsd")) if path.is_dir() else [path]:
                namespace = TARGET_NAMESPACE.search(entry.read_text(encoding="utf-8"))
                if namespace is None:
                    raise SystemExit(f"{entry} has no targetNamespace")
                location = entry.relative_to(workdir).as_posix()
                imports.append(f'  <xs:import namespace="{namespace.group(1)}" schemaLocation="{location}"/>')
        wrapper = workdir / "orchid-entry-points.xsd"
        wrapper.write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"'
            ' targetNamespace="urn:orchid:entry-points">\n' + "\n".join(imports) + "\n</xs:schema>\n",
            encoding="utf-8",
        )
        command = [
            sys.executable,
            "-m",
            "xsdata",
            "generate",
            "--package",
            f"orchid.schema.generated.{package}",
            "--structure-style",
            "namespaces",
            "--slots",
            "--docstring-style",
            "Blank",
            "--max-line-length",
            "110",
            str(wrapper),
        ]
        # xsdata formats its output with ruff, which lives beside this interpreter in the venv.
        env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
        subprocess.run(command, cwd=TARGET_PARENT, check=True, env=env)


# Generated enum name -> the project enum it must be, where the XSD names the vocabulary differently.
ENUM_ALIASES = {
    "Iso3166Country": "Country",
    "LanguageCode1": "LanguageCode",
    "RelationshipType": "Relationship",
    "GroupIdRecordType": "GroupIdType",
    "ActivityType": "NotificationItemType",
}
ENUM_BLOCK = re.compile(r"\n\nclass (\w+)\(Enum\):\n((?:    \w+ = .+\n)+)")
ENUM_MEMBER = re.compile(r"    (\w+) = (.+)")


def use_project_enums(package: str) -> None:
    """Replace generated enums that `orchid.schema.enums` already defines by an import of it.

    ORCID's vocabularies are defined once, in orchid.schema.enums; where an XSD also enumerates one
    (visibility, contributor-sequence, creation-method) the generated class must be that one. A
    generated enum is replaced only when its members are exactly the project's.
    """
    sys.path.insert(0, str(TARGET_PARENT))
    from orchid.schema import enums

    for module in (GENERATED / package).rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        replaced = []
        for match in ENUM_BLOCK.finditer(source):
            name, body = match.group(1), match.group(2)
            project_enum = getattr(enums, ENUM_ALIASES.get(name, name), None)
            if project_enum is None:
                continue
            members = {m.group(1): eval(m.group(2)) for m in ENUM_MEMBER.finditer(body)}  # noqa: S307 - literals
            if members != {member.name: member.value for member in project_enum}:
                print(
                    f"note: {module.name}: {name} differs from orchid.schema.enums.{name}; kept as generated"
                )
                continue
            replaced.append(name)
        for name in replaced:
            source = re.sub(rf"\n\nclass {name}\(Enum\):\n(?:    \w+ = .+\n)+", "\n", source)
        if replaced:
            names = sorted(
                name if name not in ENUM_ALIASES else f"{ENUM_ALIASES[name]} as {name}" for name in replaced
            )
            header = f"from orchid.schema.enums import {', '.join(names)}\n"
            source = source.replace("\n__NAMESPACE__", f"{header}\n__NAMESPACE__", 1)
            if "(Enum)" not in source:
                source = source.replace("from enum import Enum\n", "")
            module.write_text(source, encoding="utf-8")


def share_common_21() -> None:
    """notification-custom is generated on its own (its root element clashes with
    notification-permission's), which makes a second copy of common-2.1; point it at the first."""
    legacy = "orchid.schema.generated.legacy.org.orcid.ns.common"
    custom = "orchid.schema.generated.custom.org.orcid.ns.common"
    custom_common = GENERATED / "custom" / "org" / "orcid" / "ns" / "common.py"
    legacy_common = GENERATED / "legacy" / "org" / "orcid" / "ns" / "common.py"
    if custom_common.read_text(encoding="utf-8").replace("generated.custom.", "generated.legacy.") != (
        legacy_common.read_text(encoding="utf-8")
    ):
        raise SystemExit("the two generated copies of common-2.1 differ; keep both and find out why")
    custom_common.unlink()
    for module in (GENERATED / "custom").rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        if custom in source:
            module.write_text(source.replace(custom, legacy), encoding="utf-8")


BULK_TWO_LISTS = re.compile(
    r"    work: list\[Work\] = field\(.*?\n    \)\n    error: list\[Error\] = field\(.*?\n    \)\n", re.DOTALL
)
BULK_ONE_LIST = """    work_or_error: list[Work | Error] = field(
        default_factory=list,
        metadata={
            "type": "Elements",
            "choices": (
                {"name": "work", "type": Work, "namespace": "http://www.orcid.org/ns/work"},
                {"name": "error", "type": Error, "namespace": "http://www.orcid.org/ns/error"},
            ),
        },
    )
"""


def bulk_as_one_list() -> None:
    """A bulk message interleaves works and errors, and their order is its meaning (the n-th result
    answers the n-th posted work); xsdata gives two separate lists, so make it the one ordered list
    that xsdata's compound fields would give (not used globally: it would also merge single choices)."""
    bulk = GENERATED / "record" / "org" / "orcid" / "ns" / "bulk.py"
    source, count = BULK_TWO_LISTS.subn(BULK_ONE_LIST, bulk.read_text(encoding="utf-8"))
    if count != 1:
        raise SystemExit("bulk.py no longer has the expected work/error lists; revisit bulk_as_one_list()")
    bulk.write_text(source, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--orcid-model", type=Path, default=DEFAULT_RESOURCES, help="orcid-model's src/main/resources folder"
    )
    args = parser.parse_args()
    resources: Path = args.orcid_model
    if not (resources / "record_3.0").is_dir():
        print(f"orcid-model XSDs not found under {resources}", file=sys.stderr)
        return 2
    if GENERATED.exists():
        shutil.rmtree(GENERATED)
    GENERATED.mkdir(parents=True)
    (GENERATED / "__init__.py").write_text(
        '"""Generated by scripts/generate_schema_models.py from ORCID\'s v3.0 XSDs. Do not edit."""\n'
    )
    for package, spec in FAMILIES.items():
        generate_family(resources, package, spec)
    for package in FAMILIES:
        use_project_enums(package)
    share_common_21()
    bulk_as_one_list()
    subprocess.run([sys.executable, "-m", "ruff", "format", "--quiet", str(GENERATED)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
