import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sikerja.organisation.rules.golongan import golongan_error, golongan_rank, pangkat_label
from sikerja.organisation.rules.nip import NipError, build_nip, nip_error, parse_nip
from sikerja.organisation.rules.positions import position_error

pytestmark = pytest.mark.req("ORG-5")


def test_parse_valid_nip():
    info = parse_nip("198507122010011003")
    assert info.birth_date == dt.date(1985, 7, 12)
    assert info.appointed_on == dt.date(2010, 1, 1)
    assert info.gender == "L"
    assert info.serial == 3


def test_spaces_are_ignored_and_woman_is_read():
    assert parse_nip("19900217 201503 2 001").gender == "P"


@pytest.mark.parametrize(
    ("nip", "message"),
    [
        ("12345", "18 angka"),
        ("19850712201001100A", "18 angka"),
        ("198513122010011003", "Tanggal lahir"),
        ("198502302010011003", "Tanggal lahir"),
        ("198507122010131003", "Bulan/tahun pengangkatan"),
        ("198507122010013003", "jenis kelamin"),
        ("198507122010011000", "000"),
        ("200507122010011003", "18 tahun"),
    ],
)
def test_bad_nip_is_explained_in_indonesian(nip, message):
    with pytest.raises(NipError) as exc:
        parse_nip(nip)
    assert message in str(exc.value)
    assert nip_error(nip) == str(exc.value)


@given(
    birth=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2000, 12, 31)),
    years_later=st.integers(min_value=19, max_value=40),
    month=st.integers(min_value=1, max_value=12),
    gender=st.sampled_from("LP"),
    serial=st.integers(min_value=1, max_value=999),
)
def test_build_and_parse_round_trip(birth, years_later, month, gender, serial):
    appointed = dt.date(birth.year + years_later, month, 1)
    nip = build_nip(birth_date=birth, appointed_on=appointed, gender=gender, serial=serial)
    info = parse_nip(nip)
    assert (info.birth_date, info.appointed_on, info.gender, info.serial) == (birth, appointed, gender, serial)


@given(st.text(max_size=25))
def test_parser_never_crashes_on_garbage(raw):
    assert nip_error(raw) is None or isinstance(nip_error(raw), str)


def test_golongan_by_status():
    assert golongan_error("pns", "III/a") is None
    assert golongan_error("pppk", "IX") is None
    assert "PNS" in golongan_error("pns", "IX")
    assert "PPPK" in golongan_error("pppk", "III/a")
    assert golongan_error("honorer", "I") is not None
    assert golongan_rank("pns", "IV/e") > golongan_rank("pns", "III/d") > golongan_rank("pns", "I/a")
    assert pangkat_label("pns", "III/c") == "Penata (III/c)"
    assert pangkat_label("pppk", "IX") == "PPPK golongan IX"


@pytest.mark.req("ORG-3", "ORG-4")
def test_position_kind_and_level_consistency():
    assert position_error("fungsional", "keahlian", "ahli_muda") is None
    assert position_error("fungsional", "", "terampil") is None
    assert "jenjang" in position_error("fungsional", "", "")
    assert "bukan kategori" in position_error("fungsional", "keterampilan", "ahli_muda")
    assert position_error("pelaksana", "", "") is None
    assert "Hanya jabatan fungsional" in position_error("pengawas", "", "ahli_muda")
    assert "tidak dikenal" in position_error("eselon_iv", "", "")


def test_ni_pppk_layout_is_read_for_pppk_and_refused_for_pns():
    """Issue 9 item 13: digits 13-14 of an NI PPPK are 21, not a month."""
    info = parse_nip("198505122022211001", "pppk")
    assert (info.birth_date, info.appointed_on, info.gender, info.serial) == (
        dt.date(1985, 5, 12),
        dt.date(2022, 1, 1),
        "L",
        1,
    )
    assert info.is_ni_pppk
    assert parse_nip("198505122022211001").is_ni_pppk  # status unknown: a stored number stays readable
    with pytest.raises(NipError, match="Nomor Induk PPPK"):
        parse_nip("198505122022211001", "pns")
    assert "bulan pengangkatan" in nip_error("198505122022211001", "pns")
    assert nip_error("198505122022221001", "pppk")  # 22 is no month and no NI PPPK mark
    assert (
        build_nip(birth_date=dt.date(1985, 5, 12), appointed_on=dt.date(2022, 7, 1), gender="L", serial=1, ni_pppk=True)
        == "198505122022211001"
    )
