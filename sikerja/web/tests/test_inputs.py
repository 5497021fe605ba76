import datetime as dt

import pytest

from sikerja.inputs import InputError, check_date, check_decision_date, check_not_future, clean_text, has_bad_character


def test_clean_text_refuses_nul_and_lone_surrogate():
    with pytest.raises(InputError, match="NUL"):
        clean_text("a\x00b", "Alasan")
    with pytest.raises(InputError, match="tidak utuh"):
        clean_text("a\ud800b", "Alasan")
    assert clean_text("  ok  ", "Alasan") == "ok"


def test_clean_text_limits_length_and_required():
    with pytest.raises(InputError, match="paling panjang 10"):
        clean_text("x" * 11, "Alasan", limit=10)
    with pytest.raises(InputError, match="wajib"):
        clean_text("   ", "Alasan", required=True)


def test_nested_bad_characters_are_found():
    assert has_bad_character({"a": ["ok", {"b": "x\x00"}]})
    assert not has_bad_character({"a": ["ok", 1, None]})


def test_date_windows():
    today = dt.date(2026, 12, 2)
    with pytest.raises(InputError, match="harus di antara"):
        check_date(dt.date(233, 1, 1), "Mulai")
    with pytest.raises(InputError):
        check_decision_date(dt.date(9999, 12, 31), "Berlaku", today=today)
    assert check_decision_date(dt.date(2031, 12, 1), "Berlaku", today=today)
    with pytest.raises(InputError, match="setelah hari ini"):
        check_not_future(dt.date(2026, 12, 3), "Tanggal keputusan", today=today)
