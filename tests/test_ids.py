import random

import pytest

from orchid.ids import (
    DEFAULT_BLOCK,
    DEFAULT_MAX_ATTEMPTS,
    LEGACY_BLOCK,
    IdBlock,
    InvalidOrcidId,
    OrcidMintingError,
    check_digit,
    format_base,
    is_valid,
    mint,
    parse,
    to_uri,
)

# Published examples (ORCID's documentation and well-known public records).
KNOWN_VALID_IDS = [
    "0000-0002-1825-0097",
    "0000-0001-5109-3700",
    "0000-0002-1694-233X",
    "0000-0003-1415-9269",
]


def never_taken(_orcid: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("base15", "expected"),
    [
        ("000000021825009", "7"),
        ("000000015109370", "0"),
        ("000000021694233", "X"),
        ("000000031415926", "9"),
        ("000000000000000", "1"),
    ],
)
def test_check_digit(base15: str, expected: str) -> None:
    assert check_digit(base15) == expected


@pytest.mark.parametrize(
    "bad_base", ["", "00000002182500", "0000000218250097", "00000002182500a", "0000-0002-1825"]
)
def test_check_digit_rejects_anything_but_15_digits(bad_base: str) -> None:
    with pytest.raises(ValueError):
        check_digit(bad_base)


@pytest.mark.parametrize("orcid", KNOWN_VALID_IDS)
def test_known_ids_are_valid(orcid: str) -> None:
    assert is_valid(orcid)


@pytest.mark.parametrize(
    "value",
    [
        "0000-0002-1825-0098",  # wrong check digit
        "0000-0002-1694-2330",  # check digit should be X
        "0000-0002-1694-233x",  # lower-case x
        "0000-0002-1825-009",  # too short
        "0000-0002-1825-00970",  # too long
        "000000021825009 7",
        "0000000218250097",  # hyphens missing
        "0000-0002-18250-097",  # hyphens misplaced
        "000A-0002-1825-0097",  # letter
        "0000-0002-1825-0０97",  # full-width digit
        " 0000-0002-1825-0097",  # is_valid does not trim
        "",
        "https://orcid.org/0000-0002-1825-0097",  # a URI is not a bare iD
    ],
)
def test_invalid_ids(value: str) -> None:
    assert not is_valid(value)


@pytest.mark.parametrize("value", [None, 18250097, b"0000-0002-1825-0097"])
def test_is_valid_rejects_non_strings(value: object) -> None:
    assert not is_valid(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("  0000-0002-1694-233X\n", "0000-0002-1694-233X"),
        ("https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("http://orcid.org/0000-0001-5109-3700", "0000-0001-5109-3700"),
        ("HTTPS://ORCID.ORG/0000-0003-1415-9269", "0000-0003-1415-9269"),
    ],
)
def test_parse_bare_and_uri_forms(value: str, expected: str) -> None:
    assert parse(value) == expected


def test_parse_with_configured_host() -> None:
    uri = "https://sandbox.orcid.org/0000-0002-1825-0097"
    assert parse(uri, host="sandbox.orcid.org") == "0000-0002-1825-0097"
    with pytest.raises(InvalidOrcidId, match="expected 'orcid.org'"):
        parse(uri)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0000-0002-1825-0098", "check character is '8' but should be '7'"),
        ("0000-0002-1694-233x", "upper-case 'X'"),
        ("0000-0002-1825-009", "expected the form"),
        ("0000-0002-1825-0O97", "expected the form"),
        ("https://example.org/0000-0002-1825-0097", "host is 'example.org'"),
        ("https://orcid.org.evil.example/0000-0002-1825-0097", "host is 'orcid.org.evil.example'"),
        ("https://orcid.org/0000-0002-1825-0098", "should be '7'"),
        ("https://orcid.org/0000-0002-1825-0097/works", "expected the form"),
        ("ftp://orcid.org/0000-0002-1825-0097", "expected the form"),
        ("orcid.org/0000-0002-1825-0097", "expected the form"),
        ("", "expected the form"),
    ],
)
def test_parse_rejects_with_a_clear_message(value: str, message: str) -> None:
    with pytest.raises(InvalidOrcidId, match=message):
        parse(value)


def test_invalid_orcid_id_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse("nonsense")


def test_to_uri() -> None:
    assert to_uri("0000-0002-1825-0097") == "https://orcid.org/0000-0002-1825-0097"
    assert to_uri("0000-0002-1825-0097", host="sandbox.orcid.org") == (
        "https://sandbox.orcid.org/0000-0002-1825-0097"
    )


def test_to_uri_round_trips_through_parse() -> None:
    for orcid in KNOWN_VALID_IDS:
        assert parse(to_uri(orcid)) == orcid


def test_to_uri_rejects_invalid_id() -> None:
    with pytest.raises(InvalidOrcidId):
        to_uri("0000-0002-1825-0098")


def test_format_base_adds_padding_hyphens_and_check_digit() -> None:
    assert format_base(21825009) == "0000-0002-1825-0097"
    with pytest.raises(ValueError):
        format_base(10**15)
    with pytest.raises(ValueError):
        format_base(-1)


def test_default_block_is_orcids_current_range() -> None:
    assert (DEFAULT_BLOCK.low, DEFAULT_BLOCK.high) == (900_000_000_000, 900_100_000_000)
    assert DEFAULT_BLOCK.first_id == "0009-0000-0000-0009"
    assert DEFAULT_BLOCK.last_id == "0009-0010-0000-0003"
    assert DEFAULT_BLOCK.size == 100_000_001


def test_legacy_block_matches_orcids_first_range() -> None:
    assert LEGACY_BLOCK.first_id == "0000-0001-5000-0007"
    assert LEGACY_BLOCK.last_id == "0000-0003-5000-0001"
    assert LEGACY_BLOCK.contains("0000-0002-1825-0097")
    assert not DEFAULT_BLOCK.contains("0000-0002-1825-0097")


@pytest.mark.parametrize(("low", "high"), [(5, 4), (-1, 10), (0, 10**15)])
def test_block_rejects_impossible_ranges(low: int, high: int) -> None:
    with pytest.raises(ValueError):
        IdBlock(low=low, high=high)


def test_minted_ids_are_valid_and_inside_the_default_block() -> None:
    rng = random.Random(1)
    for _ in range(500):
        orcid = mint(never_taken, rng=rng)
        assert is_valid(orcid)
        assert DEFAULT_BLOCK.contains(orcid)
        assert orcid.startswith("0009-00")


def test_mint_uses_secure_randomness_by_default() -> None:
    minted = {mint(never_taken) for _ in range(20)}
    assert all(is_valid(orcid) and DEFAULT_BLOCK.contains(orcid) for orcid in minted)
    assert len(minted) > 1


def test_mint_respects_a_configured_block() -> None:
    tiny_block = IdBlock(low=21825000, high=21825009)
    rng = random.Random(7)
    for _ in range(50):
        assert tiny_block.contains(mint(never_taken, block=tiny_block, rng=rng))


def test_mint_is_reproducible_with_a_seeded_random() -> None:
    first = [mint(never_taken, rng=random.Random(42)) for _ in range(3)]
    second = [mint(never_taken, rng=random.Random(42)) for _ in range(3)]
    assert first == second
    assert mint(never_taken, rng=random.Random(42)) != mint(never_taken, rng=random.Random(43))


def test_mint_skips_taken_ids() -> None:
    block = IdBlock(low=100, high=103)
    taken = {format_base(100), format_base(101), format_base(103)}
    asked: list[str] = []

    def is_taken(orcid: str) -> bool:
        asked.append(orcid)
        return orcid in taken

    assert mint(is_taken, block=block, rng=random.Random(3)) == format_base(102)
    assert all(orcid in taken for orcid in asked[:-1])


def test_mint_gives_up_after_repeated_collisions() -> None:
    calls = 0

    def always_taken(_orcid: str) -> bool:
        nonlocal calls
        calls += 1
        return True

    with pytest.raises(OrcidMintingError, match="after 100 attempts"):
        mint(always_taken, rng=random.Random(0))
    assert calls == DEFAULT_MAX_ATTEMPTS


def test_mint_honours_max_attempts() -> None:
    with pytest.raises(OrcidMintingError, match="after 3 attempts"):
        mint(lambda _orcid: True, rng=random.Random(0), max_attempts=3)
    with pytest.raises(ValueError):
        mint(never_taken, max_attempts=0)
