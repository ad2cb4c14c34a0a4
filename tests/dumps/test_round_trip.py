"""`orchid load`: dump -> load into an empty registry -> dump again gives the same files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orchid.dumps.layout import summary_name
from orchid.dumps.loader import LoadError, load
from orchid.dumps.writer import dump
from orchid.oauth.models import Client
from orchid.records import services
from orchid.records.models import Email, Item, Researcher
from orchid.records.sections import BY_NAME
from orchid.records.viewer import Viewer
from tests.dumps.helpers import members, populate
from tests.records import builders

pytestmark = pytest.mark.django_db


VERIFIED_FLAGS = re.compile(rb"<history:verified(?:-primary)?-email>(?:true|false)<")


def without_verified_flags(body: bytes) -> bytes:
    """The one known difference: history's verified-email flags are derived from stored addresses, and a
    record's private addresses are not in the file, so they read false after a load."""
    return VERIFIED_FLAGS.sub(b"<history:verified-email><", body)


def _wipe_records() -> None:
    Researcher.objects.all().delete()  # items, e-mails and external ids go with them
    assert not Item.objects.exists() and not Email.objects.exists()


def test_round_trip_is_identical(tmp_path: Path) -> None:
    orcids = populate()
    first, second = tmp_path / "first.tar.gz", tmp_path / "second.tar.gz"
    dump(first, quiet=True)
    put_codes = sorted(Item.objects.filter(visibility="public").values_list("pk", flat=True))
    _wipe_records()
    result = load(first, quiet=True)
    assert result.records == 3 and result.ignored_members == []
    dump(second, quiet=True)
    before, after = members(first), members(second)
    assert before.keys() == after.keys()
    for name, body in before.items():
        if name == summary_name(orcids[0]):
            assert after[name] == body  # its verified addresses are public: nothing differs
        else:
            assert without_verified_flags(after[name]) == without_verified_flags(body), name
    assert sorted(Item.objects.values_list("pk", flat=True)) == put_codes
    # The loaded registry works as usual: a new item gets a put code after the loaded ones.
    me = Viewer.researcher_self(orcids[1])
    new = services.add_item(orcids[1], BY_NAME["work"], builders.work("After the load"), me)
    assert new > max(put_codes)


def test_unknown_source_clients_become_the_researcher(tmp_path: Path) -> None:
    member = builders.client()
    populate(member)
    first, second = tmp_path / "first.tar.gz", tmp_path / "second.tar.gz"
    dump(first, quiet=True)
    _wipe_records()
    Client.objects.filter(pk=member.pk).delete()
    load(first, quiet=True)
    dump(second, quiet=True)
    before = {name: without_verified_flags(body) for name, body in members(first).items()}
    after = {name: without_verified_flags(body) for name, body in members(second).items()}
    assert before.keys() == after.keys()
    source = re.compile(rb"<common:source>.*?</common:source>", re.S)
    changed = [name for name in before if before[name] != after[name]]
    assert changed  # the member's work and the record holding its summary
    for name in changed:
        assert member.client_id.encode() in before[name]
        assert member.client_id.encode() not in after[name]
        assert source.sub(b"", before[name]) == source.sub(b"", after[name])
    assert Item.objects.filter(source_client__isnull=False).count() == 0


def test_load_refuses_a_registry_with_records(tmp_path: Path) -> None:
    populate()
    out = tmp_path / "public.tar.gz"
    dump(out, quiet=True)
    count = Item.objects.count()
    with pytest.raises(LoadError, match="not empty"):
        load(out, quiet=True)
    assert Item.objects.count() == count


def test_load_rejects_a_file_that_is_not_a_data_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(b"not a tar")
    with pytest.raises(LoadError, match="not a readable"):
        load(bad, quiet=True)
    assert not Researcher.objects.exists()


def test_loaded_records_are_searchable(tmp_path: Path, client: object) -> None:
    orcids = populate()
    family = Researcher.objects.get(orcid=orcids[0]).family_name
    data_file = tmp_path / "data.tar.gz"
    dump(data_file, quiet=True)
    _wipe_records()
    load(data_file, quiet=True)
    response = client.get(  # type: ignore[attr-defined]
        f"/v3.0/search?q=family-name:{family}", HTTP_ACCEPT="application/vnd.orcid+json"
    )
    assert response.status_code == 200
    assert orcids[0] in [hit["orcid-identifier"]["path"] for hit in response.json()["result"]]
