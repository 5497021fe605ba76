import datetime as dt

import pytest

from sikerja.letters.rules import (
    CODE_LENGTH,
    date_id,
    dictum,
    format_number,
    is_code_shaped,
    new_verification_code,
    normalise_code,
    pattern_error,
    signer_title,
)

pytestmark = pytest.mark.req("PEN-15")


def test_default_number_format():
    n = format_number("{klasifikasi}/{urut:03d}/{kode_unit}/{tahun}", klasifikasi="800.1.11.1", urut=7, kode_unit="DISKOMINFO", date=dt.date(2025, 3, 1))
    assert n == "800.1.11.1/007/DISKOMINFO/2025"


def test_roman_month_token():
    assert format_number("{urut}/{bulan_romawi}/{tahun}", klasifikasi="", urut=3, kode_unit="", date=dt.date(2025, 11, 1)) == "3/XI/2025"


@pytest.mark.parametrize("pattern", ["", "{klasifikasi}/{tahun}", "{urut.__class__}", "{rahasia}/{urut}", "{urut:zz}", "{urut"])
def test_bad_patterns_are_refused_in_indonesian(pattern):
    assert pattern_error(pattern)


def test_good_pattern():
    assert pattern_error("{klasifikasi}/{urut:04d}/{kode_unit}/{bulan_romawi}/{tahun}") is None


def test_dictums_and_titles():
    assert [dictum(i) for i in range(4)] == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT"]
    assert signer_title("plh", "Kepala Dinas") == "Plh. Kepala Dinas"
    assert signer_title("plt", "Kepala Dinas") == "Plt. Kepala Dinas"
    assert signer_title("definitif", "Kepala Dinas") == "Kepala Dinas"
    assert date_id(dt.date(2025, 8, 17)) == "17 Agustus 2025"


def test_verification_codes_are_random_and_typeable():
    codes = {new_verification_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(len(c) == CODE_LENGTH and is_code_shaped(c) for c in codes)
    assert normalise_code("ab-cd o1il") == "ABCD0111"
    assert normalise_code("abcd-efgh-jk") == "ABCDEFGHJK"
